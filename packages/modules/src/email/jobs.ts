import { UnrecoverableError, type Job } from "bullmq";
import type { JobDeps, QueueProcessor } from "../jobs/types";
import { emailSendPayload, emailSweepPayload } from "../queue/payloads";
import { env as syncEnv } from "../sync/env";
import { queuePendingNotificationEmails } from "../helpdesk/automation/notification-mail";
import { deliverQueuedEmail, type DeliveryOutcome } from "./deliver";
import { enqueueDueEmails } from "./sweep";
import { smtpSettingsFromEnv, type SmtpSettings } from "./transport";

export interface EmailJobDeps extends JobDeps {
  /** Where to deliver (default: SMTP_* from the environment; tests give a simulator's). */
  smtp?: SmtpSettings | null;
  /** The user the sweep queues notification e-mails as (default SYNC_INTEGRATION_USER). */
  sweepUser?: string;
}

function parsed<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; code: string }[] } } }, job: Job): T {
  const result = schema.safeParse(job.data);
  if (!result.success) throw new UnrecoverableError(`invalid ${job.name} payload (${result.error.issues.map((i) => `${i.path.map(String).join(".") || "payload"}: ${i.code}`).join("; ")})`);
  return result.data;
}

const smtpOf = (deps: EmailJobDeps) => (deps.smtp === undefined ? smtpSettingsFromEnv() : deps.smtp);

/**
 * `email-send`: delivers one outbox row. A temporary failure throws (BullMQ retries it with back-off);
 * a permanent one fails the job without retries. Messages name codes, never addresses or subjects.
 */
export async function processEmailSend(job: Job, deps: EmailJobDeps): Promise<DeliveryOutcome> {
  const { name } = parsed(emailSendPayload, job);
  const smtp = smtpOf(deps);
  // Not configured: the row stays Not Sent and the sweep adds its job again once SMTP_HOST is set.
  if (!smtp) throw new UnrecoverableError("SMTP is not configured (SMTP_HOST): the message waits in the outbox");
  const result = await deliverQueuedEmail(name, { smtp });
  if (result.outcome === "retry") throw new Error(`temporary SMTP failure (${result.code}) on attempt ${result.attempts}: will retry`);
  if (result.outcome === "failed") throw new UnrecoverableError(`SMTP delivery failed for good (${result.code}) after ${result.attempts} attempt(s): see the Email Queue row`);
  return result;
}

/** `email-sweep` (every minute): escalation e-mails into the outbox, then the send jobs of due rows. */
export async function processEmailSweep(job: Job, deps: EmailJobDeps): Promise<{ notifications: number; due: number }> {
  const { limit } = parsed(emailSweepPayload, job);
  const user = deps.sweepUser ?? syncEnv.SYNC_INTEGRATION_USER;
  const principal = await deps.loadPrincipal(user);
  if (!principal) throw new Error(`the sweep user ${user} no longer exists or is disabled`);
  const notifications = await queuePendingNotificationEmails(principal, { limit: limit ?? 500 });
  if (!smtpOf(deps)) return { notifications, due: 0 };
  const { due } = await enqueueDueEmails(new Date(), limit ?? 1000);
  return { notifications, due };
}

/** The `email` queue. */
export function createEmailProcessor(deps: EmailJobDeps): QueueProcessor {
  return async (job) => {
    if (job.name === "email-send") return processEmailSend(job, deps);
    if (job.name === "email-sweep") return processEmailSweep(job, deps);
    throw new UnrecoverableError(`unknown job ${job.name} on queue email`);
  };
}
