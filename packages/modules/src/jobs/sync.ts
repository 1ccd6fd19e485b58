import { AppErrorCode, isAppError } from "@orchestrator/db";
import { UnrecoverableError, type Job } from "bullmq";
import type { z } from "zod";
import { syncRunPayload, syncSchedulePayload } from "../queue/payloads";
import { executeSyncRun, SyncRunFailedError, type SyncDeps } from "../sync/engine";
import { mustLoadRun, type SyncRunSummary } from "../sync/runs";
import { scheduleSync, type ScheduleOutcome } from "../sync/schedule";
import { syncDb } from "../sync/store";
import type { JobDeps, QueueProcessor } from "./types";

/** Job deps plus the sync's own (tests point the adapters at a simulator). */
export type SyncJobDeps = JobDeps & Omit<SyncDeps, "loadPrincipal">;

/** Paths and codes only: a rejected value could be PHI. */
function parse<T>(schema: z.ZodType<T>, job: Job): T {
  const parsed = schema.safeParse(job.data);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.map(String).join(".") || "payload"}: ${i.code}`).join("; ");
  throw new UnrecoverableError(`invalid ${job.name} payload (${issues})`);
}

/** `sync-run`: executes or resumes the run; its last attempt fails the run instead of leaving it running. */
export async function processSyncRun(job: Job, deps: SyncJobDeps): Promise<SyncRunSummary> {
  const { run, actor } = parse(syncRunPayload, job);
  const row = await mustLoadRun(syncDb(), run).catch((error: unknown) => {
    if (isAppError(error) && error.code === AppErrorCode.NotFound) throw new UnrecoverableError(`sync run ${run} not found`);
    throw error;
  });
  if (row.actor !== actor) throw new UnrecoverableError(`sync run ${run} acts as another user than the job says`);
  const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  try {
    return await executeSyncRun(run, deps, { finalAttempt });
  } catch (error) {
    if (error instanceof SyncRunFailedError) throw new UnrecoverableError(error.message);
    throw error;
  }
}

/** `sync-schedule`: the periodic run of a source (see sync/schedule.ts). */
export async function processSyncSchedule(job: Job, deps: SyncJobDeps): Promise<ScheduleOutcome> {
  // An injected adapter factory (tests, the bench) is a configured source whatever the environment says.
  return scheduleSync(parse(syncSchedulePayload, job), { loadPrincipal: deps.loadPrincipal, ...(deps.adapterFor ? { kipuConfigured: true } : {}) });
}

/** The `sync` queue: dispatches by job name to the sync services. */
export function createSyncProcessor(deps: SyncJobDeps): QueueProcessor {
  return async (job) => {
    switch (job.name) {
      case "sync-run":
        return processSyncRun(job, deps);
      case "sync-schedule":
        return processSyncSchedule(job, deps);
      default:
        throw new UnrecoverableError(`unknown job ${job.name} on queue sync`);
    }
  };
}
