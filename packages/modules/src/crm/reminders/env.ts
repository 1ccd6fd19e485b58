import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

/** CRM task reminders, validated at start-up. */
export const env = createEnv({
  server: {
    /** Minutes between reminder runs (the `crm-task-reminders` job scheduler); 0 turns reminders off. */
    CRM_REMINDERS_EVERY_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(1),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
