import { UnrecoverableError, type Job } from "bullmq";
import type { JobDeps, QueueProcessor } from "../../jobs/types";
import { helpdeskAutoClosePayload } from "../../queue/payloads";
import { env as syncEnv } from "../../sync/env";
import { runAutoClose, type AutoCloseResult } from "./auto-close";
import { env } from "./env";

export interface AutoCloseJobDeps extends JobDeps {
  /** The service user it acts as (default SYNC_INTEGRATION_USER). */
  user?: string;
  /** Test hook: the instant it evaluates. */
  now?: () => Date;
  days?: number;
}

/** `helpdesk-auto-close`: closes tickets resolved HELPDESK_AUTO_CLOSE_DAYS ago without a reply, as the integration user. */
export async function processHelpdeskAutoClose(job: Job, deps: AutoCloseJobDeps): Promise<AutoCloseResult> {
  const parsed = helpdeskAutoClosePayload.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`invalid ${job.name} payload (${parsed.error.issues.map((i) => `${i.path.map(String).join(".") || "payload"}: ${i.code}`).join("; ")})`);
  const user = deps.user ?? syncEnv.SYNC_INTEGRATION_USER;
  const principal = await deps.loadPrincipal(user);
  if (!principal) throw new Error(`the auto-close user ${user} no longer exists or is disabled`);
  return runAutoClose(principal, { days: deps.days ?? env.HELPDESK_AUTO_CLOSE_DAYS, ...(deps.now ? { now: deps.now() } : {}), ...(parsed.data.page_size ? { pageSize: parsed.data.page_size } : {}) });
}

/** The `maintenance` queue. */
export function createMaintenanceProcessor(deps: AutoCloseJobDeps): QueueProcessor {
  return async (job) => {
    if (job.name === "helpdesk-auto-close") return processHelpdeskAutoClose(job, deps);
    throw new UnrecoverableError(`unknown job ${job.name} on queue maintenance`);
  };
}
