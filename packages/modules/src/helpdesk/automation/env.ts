import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

const booleanString = z.enum(["true", "false", "1", "0"]).default("true").transform((v) => v === "true" || v === "1");

/** Helpdesk automation, validated at start-up. */
export const env = createEnv({
  server: {
    /** Send an acknowledgement e-mail to `raised_by` when a ticket is created (default on). */
    HELPDESK_ACK_EMAIL: booleanString,
    /** A ticket Resolved this many days without a customer reply is closed by the auto-close job. */
    HELPDESK_AUTO_CLOSE_DAYS: z.coerce.number().int().min(1).max(365).default(7),
    /** Minutes between auto-close runs (the `helpdesk-auto-close` job scheduler); 0 turns it off. */
    HELPDESK_AUTO_CLOSE_EVERY_MINUTES: z.coerce.number().int().min(0).max(7 * 24 * 60).default(60),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
