import { UnrecoverableError, type Job } from "bullmq";
import { runEscalationSweep, type SweepResult } from "../helpdesk/escalation/sweep";
import { slaSweepPayload } from "../queue/payloads";
import { env as syncEnv } from "../sync/env";
import type { JobDeps, QueueProcessor } from "./types";

export interface SlaJobDeps extends JobDeps {
  /** The service user the sweep acts as (default SYNC_INTEGRATION_USER: role Integration, helpdesk read/write in every department). */
  sweepUser?: string;
  /** Test hook: the instant the sweep evaluates (default: the clock). */
  now?: () => Date;
}

/**
 * `sla-sweep`: fires the escalation levels that fell due, as the integration user. Levels that fail are
 * logged (ids only) and selected again by the next sweep; the job fails only when the sweep cannot run.
 */
export async function processSlaSweep(job: Job, deps: SlaJobDeps): Promise<SweepResult> {
  const parsed = slaSweepPayload.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`invalid ${job.name} payload (${parsed.error.issues.map((i) => `${i.path.map(String).join(".") || "payload"}: ${i.code}`).join("; ")})`);
  const user = deps.sweepUser ?? syncEnv.SYNC_INTEGRATION_USER;
  const principal = await deps.loadPrincipal(user);
  if (!principal) throw new Error(`the sweep user ${user} no longer exists or is disabled`);
  return runEscalationSweep(principal, {
    ...(deps.now ? { now: deps.now() } : {}),
    ...(parsed.data.page_size ? { pageSize: parsed.data.page_size } : {}),
    onError: (c, error) => console.error(JSON.stringify({ level: "error", msg: "escalation level failed", ticket: c.ticket, rule: c.rule, escalation_level: c.level, error: error instanceof Error ? error.name : "unknown" })),
  });
}

/** The `sla` queue. */
export function createSlaProcessor(deps: SlaJobDeps): QueueProcessor {
  return async (job) => {
    if (job.name === "sla-sweep") return processSlaSweep(job, deps);
    throw new UnrecoverableError(`unknown job ${job.name} on queue sla`);
  };
}
