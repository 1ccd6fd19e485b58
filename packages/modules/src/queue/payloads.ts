import { z } from "zod";
import type { JobName } from "./names";

/** A document name (`CL-00042`, `Detox Protocol`): ids only, never names or other PHI. */
const docName = z.string().min(1).max(140);

/**
 * Job payloads, shared by producers (web) and processors (worker). Strict objects: a payload carries
 * ids and the actor, so anything else (a client's name, a date of birth) is refused, not stored in Redis.
 */
export const generateTasksPayload = z.strictObject({
  client: docName,
  template: docName,
  /** The user the job acts for: the worker rebuilds their permissions, it never runs as "system". */
  actor: docName,
  /** The web request that caused the job, carried into the audit rows it writes. */
  requestId: z.string().min(1).max(64).optional(),
});
export type GenerateTasksPayload = z.infer<typeof generateTasksPayload>;

export const jobPayloads = {
  "generate-tasks": generateTasksPayload,
} as const satisfies Record<JobName, z.ZodType>;

export type JobPayload<N extends JobName> = z.infer<(typeof jobPayloads)[N]>;
