import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

/**
 * Inbound e-mail (the mail provider's webhook), validated at start-up. Both are optional so processes
 * that never receive mail start without them; the webhook refuses every call until the secret is set,
 * and a message that needs a new ticket for a sender of no known customer fails (500, so the provider
 * retries it) until the department is set.
 */
export const env = createEnv({
  server: {
    /** The HMAC-SHA256 key of `X-Signature: sha256=<hex>` on POST /api/method/orchestrator.helpdesk.receive_email. */
    HELPDESK_INBOUND_EMAIL_SECRET: z.string().min(16).optional(),
    /** The department (a Department's name) new e-mail tickets go to when the sender's customer names none. */
    HELPDESK_INBOUND_DEPARTMENT: z.string().min(1).max(140).optional(),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
