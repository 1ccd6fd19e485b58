import { UnrecoverableError, type Job } from "bullmq";
import type { JobDeps, QueueProcessor } from "../../jobs/types";
import { crmTaskRemindersPayload } from "../../queue/payloads";
import { env as syncEnv } from "../../sync/env";
import { runTaskReminders, type TaskRemindersResult } from "./remind";

export interface TaskRemindersJobDeps extends JobDeps {
  /** The service user it acts as (default SYNC_INTEGRATION_USER). */
  user?: string;
  /** Test hook: the instant it evaluates. */
  now?: () => Date;
}

/** `crm-task-reminders`: delivers every due CRM task reminder (in-app and by e-mail), as the integration user. */
export async function processCrmTaskReminders(job: Job, deps: TaskRemindersJobDeps): Promise<TaskRemindersResult> {
  const parsed = crmTaskRemindersPayload.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`invalid ${job.name} payload (${parsed.error.issues.map((i) => `${i.path.map(String).join(".") || "payload"}: ${i.code}`).join("; ")})`);
  const user = deps.user ?? syncEnv.SYNC_INTEGRATION_USER;
  const principal = await deps.loadPrincipal(user);
  if (!principal) throw new Error(`the reminder user ${user} no longer exists or is disabled`);
  return runTaskReminders(principal, { ...(deps.now ? { now: deps.now() } : {}), ...(parsed.data.page_size ? { pageSize: parsed.data.page_size } : {}) });
}

/** The `notifications` queue. */
export function createNotificationsProcessor(deps: TaskRemindersJobDeps): QueueProcessor {
  return async (job) => {
    if (job.name === "crm-task-reminders") return processCrmTaskReminders(job, deps);
    throw new UnrecoverableError(`unknown job ${job.name} on queue notifications`);
  };
}
