import { AppErrorCode, isAppError } from "@orchestrator/db";
import type { LoadPrincipal } from "../jobs/types";
import type { SyncSchedulePayload } from "../queue/payloads";
import { enqueueSyncRun, type EnqueueSyncRun } from "../queue/producers";
import { env } from "./env";
import { mustLoadRun, startSyncRun } from "./runs";
import { ensureSource, kindOfSource, loadSource } from "./sources";
import { syncDb } from "./store";

export type ScheduleOutcome =
  | { started: string }
  | { skipped: "disabled" | "stopped" | "backing_off" | "running" | "unknown_source" | "not_configured"; run?: string | null; until?: string | null };

export interface ScheduleDeps {
  loadPrincipal: LoadPrincipal;
  enqueueRun?: EnqueueSyncRun;
  /** The service user scheduled runs act as (default SYNC_INTEGRATION_USER). */
  integrationUser?: string;
  now?: () => Date;
  /** Whether Kipu has credentials (default: KIPU_ACCESS_ID, KIPU_SECRET_KEY and KIPU_APP_ID are set). */
  kipuConfigured?: boolean;
}

const kipuConfiguredInEnv = () => Boolean(env.KIPU_ACCESS_ID && env.KIPU_SECRET_KEY && env.KIPU_APP_ID);

/** A run holds the source: the job that must start another one is retried by BullMQ (with back-off). */
export class SourceBusyError extends Error {
  constructor(source: string, run: string) {
    super(`sync source ${source} is busy with ${run}; retrying when it is free`);
    this.name = "SourceBusyError";
  }
}

/** `YYYY-MM-DD HH:MM:SS.ffffff` (UTC) → ms. */
function parseDbTime(value: string): number {
  return Date.parse(`${value.slice(0, 10)}T${value.slice(11, 23)}Z`);
}

/**
 * The periodic sync of a source (the `sync-schedule` job): starts an incremental run as the
 * integration user and queues its `sync-run` job — unless the source is disabled, stopped (403), in
 * back-off after refused credentials, or already running. A run that is "running" but whose job is
 * gone (a lost Redis, a job that failed for good) is queued again, so it resumes from its checkpoint.
 */
export async function scheduleSync(payload: SyncSchedulePayload, deps: ScheduleDeps): Promise<ScheduleOutcome> {
  const db = syncDb();
  const enqueueRun = deps.enqueueRun ?? enqueueSyncRun;
  const source = kindOfSource(payload.source) === "kipu" ? await ensureSource(db, payload.source, "kipu") : await loadSource(db, payload.source);
  if (!source) return { skipped: "unknown_source" };
  if (!source.enabled) return { skipped: "disabled" };
  if (source.status === "forbidden") return { skipped: "stopped" };
  const now = (deps.now ?? (() => new Date()))().getTime();
  if (source.nextAttemptAt && parseDbTime(source.nextAttemptAt) > now) return { skipped: "backing_off", until: source.nextAttemptAt };
  if (source.runningRun) {
    if (/^SR-\d+$/.test(source.runningRun)) {
      const { actor } = await mustLoadRun(db, source.runningRun);
      await enqueueRun({ run: source.runningRun, actor }, { replace: "failed" });
    }
    // After a push, the running run may already have read past the pushed records: try again later.
    if (payload.after_push) throw new SourceBusyError(source.name, source.runningRun);
    return { skipped: "running", run: source.runningRun };
  }
  // An installation without Kipu credentials: nothing to poll, and a failed run every 15 minutes would
  // only bury the runs list. A manual run still fails with "Kipu is not configured" on the source.
  if (source.kind === "kipu" && !(deps.kipuConfigured ?? kipuConfiguredInEnv())) return { skipped: "not_configured" };
  const user = deps.integrationUser ?? env.SYNC_INTEGRATION_USER;
  const principal = await deps.loadPrincipal(user);
  if (!principal) throw new Error(`the integration user ${user} no longer exists or is disabled`);
  try {
    const run = await startSyncRun({ source: source.name, syncType: payload.sync_type, dryRun: false, trigger: "schedule" }, principal);
    await enqueueRun({ run: run.name, actor: run.actor });
    return { started: run.name };
  } catch (error) {
    // Someone started one between our read and our start: that run is the one.
    if (isAppError(error) && error.code === AppErrorCode.Conflict) {
      if (payload.after_push) throw new SourceBusyError(source.name, "another run");
      return { skipped: "running", run: null };
    }
    throw error;
  }
}
