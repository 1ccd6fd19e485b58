import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

/**
 * E-mail into the CRM through the inbound webhook (`orchestrator.helpdesk.receive_email`), validated
 * at start-up. Both optional: without addresses only replies to the CRM's own e-mails reach it; a
 * message that needs a new lead fails (500, so the mail provider retries it) until the team is set.
 */
export const env = createEnv({
  server: {
    /** Comma-separated addresses whose mail goes to the CRM, not the helpdesk (e.g. `sales@acme.example`). */
    CRM_INBOUND_ADDRESSES: z
      .string()
      .optional()
      .transform((v) => (v ?? "").split(",").map((a) => a.trim().toLowerCase()).filter(Boolean))
      .pipe(z.array(z.email("CRM_INBOUND_ADDRESSES: each entry must be an e-mail address")).max(50)),
    /** The CRM Team new leads from e-mail join (its assignment rule picks their owner). */
    CRM_INBOUND_TEAM: z.string().min(1).max(140).optional(),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
