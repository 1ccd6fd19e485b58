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

/** A sync run's name (`SR-00042`). */
const runName = z.string().regex(/^SR-\d{5,}$/);
/** A sync source's key (`kipu`, a webhook source's name). */
const sourceName = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/);

/** Executes (or resumes, from its checkpoint) a sync run already created by `startSyncRun`. */
export const syncRunPayload = z.strictObject({
  run: runName,
  /** The user the run acts as: the worker checks it matches the run's actor. */
  actor: docName,
  requestId: z.string().min(1).max(64).optional(),
});
export type SyncRunPayload = z.infer<typeof syncRunPayload>;

/** The periodic sync of a source: starts a run as the integration user unless one runs or the source backs off. */
export const syncSchedulePayload = z.strictObject({
  source: sourceName,
  sync_type: z.enum(["incremental", "full"]),
  /**
   * Queued by a webhook push: when a run already holds the source, retry (with back-off) until it is
   * free instead of skipping, so records pushed after that run read its pages are still applied.
   */
  after_push: z.boolean().optional(),
});
export type SyncSchedulePayload = z.infer<typeof syncSchedulePayload>;

/** The helpdesk escalation sweep (every minute): fires the escalation levels that fell due. Acts as the integration user. */
export const slaSweepPayload = z.strictObject({
  /** Candidates per page (default 500). */
  page_size: z.number().int().min(1).max(5_000).optional(),
});
export type SlaSweepPayload = z.infer<typeof slaSweepPayload>;

/** Delivers one outbox row (`email_queue.name`): the message itself stays in the database. */
export const emailSendPayload = z.strictObject({ name: docName });
export type EmailSendPayload = z.infer<typeof emailSendPayload>;

/** Every minute: queues pending notification e-mails and (re-)adds the send jobs of due outbox rows. */
export const emailSweepPayload = z.strictObject({
  /** Rows per run (default 1000). */
  limit: z.number().int().min(1).max(10_000).optional(),
});
export type EmailSweepPayload = z.infer<typeof emailSweepPayload>;

/** Closes tickets resolved for HELPDESK_AUTO_CLOSE_DAYS without a customer reply. Acts as the integration user. */
export const helpdeskAutoClosePayload = z.strictObject({
  /** Candidates per page (default 500). */
  page_size: z.number().int().min(1).max(5_000).optional(),
});
export type HelpdeskAutoClosePayload = z.infer<typeof helpdeskAutoClosePayload>;

/** Delivers the CRM task reminders that fell due (in-app and by e-mail). Acts as the integration user. */
export const crmTaskRemindersPayload = z.strictObject({
  /** Candidates per page (default 500). */
  page_size: z.number().int().min(1).max(5_000).optional(),
});
export type CrmTaskRemindersPayload = z.infer<typeof crmTaskRemindersPayload>;

export const jobPayloads = {
  "generate-tasks": generateTasksPayload,
  "sync-run": syncRunPayload,
  "sync-schedule": syncSchedulePayload,
  "sla-sweep": slaSweepPayload,
  "email-send": emailSendPayload,
  "email-sweep": emailSweepPayload,
  "helpdesk-auto-close": helpdeskAutoClosePayload,
  "crm-task-reminders": crmTaskRemindersPayload,
} as const satisfies Record<JobName, z.ZodType>;

export type JobPayload<N extends JobName> = z.infer<(typeof jobPayloads)[N]>;
