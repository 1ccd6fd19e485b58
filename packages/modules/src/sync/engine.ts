import { eq } from "drizzle-orm";
import { AppErrorCode, isAppError, safeErrorSummary, type Principal } from "@orchestrator/db";
import { syncSources, type SyncCheckpoint } from "@orchestrator/db/schema";
import type { LoadPrincipal } from "../jobs/types";
import { isSourceError, type SourcePage, type SyncAdapter } from "./adapter";
import { adapterFactoryFromEnv, type AdapterFactory } from "./adapters";
import { CheckpointMovedError, commitPage, saveCheckpoint } from "./page";
import { isSyncOperator } from "./permissions";
import { FIRST_CHECKPOINT, finishRun, markRunning, mustLoadRun, noteRunError, runSummary, type SyncRunRow, type SyncRunSummary } from "./runs";
import { dbTime, disableEndpoint, loadSource, recordSourceFailure, type SourceFailure, type SyncSourceRow } from "./sources";
import { syncDb } from "./store";

export interface SyncDeps {
  /** Rebuilds the run's actor's permissions (auth's `loadPrincipal`); null = the user is gone or disabled. */
  loadPrincipal: LoadPrincipal;
  /** Default: Kipu from the environment, webhook sources from their inbox. */
  adapterFor?: AdapterFactory;
  /** Called after each committed page (tests use it to simulate a worker killed mid-run). */
  afterPage?: (info: { run: string; phase: SyncCheckpoint["phase"]; pagesDone: number }) => void | Promise<void>;
}

export interface ExecuteOptions {
  /**
   * This is the last attempt the caller will make: a transient failure (the source down, a lost
   * connection) then fails the run and frees the source instead of leaving it to a retry.
   */
  finalAttempt?: boolean;
  signal?: AbortSignal;
}

/** The run failed for good (credentials refused, access forbidden, bad configuration, actor gone): retrying cannot help. */
export class SyncRunFailedError extends Error {
  constructor(readonly run: SyncRunSummary) {
    super(`sync run ${run.name} failed: ${run.error ?? "unknown error"}`);
    this.name = "SyncRunFailedError";
  }
}

const TERMINAL = new Set(["completed", "failed", "rolled_back", "partially_rolled_back"]);

/** Safe to store and show: the source's words, or an error summary without data. */
function describe(error: unknown): string {
  if (isSourceError(error)) return error.message;
  if (isAppError(error)) return `${error.code}: ${error.message}`;
  const summary = safeErrorSummary(error);
  return String(summary.message ?? summary.code ?? summary.name);
}

function failureOf(error: unknown): SourceFailure {
  if (isSourceError(error) && error.kind === "auth") return { kind: "auth", message: `authentication failed: ${error.sourceMessage ?? "the source refused our credentials"}` };
  if (isSourceError(error) && error.kind === "forbidden") return { kind: "forbidden", message: `access forbidden: ${error.sourceMessage ?? "the source refused access"}` };
  return { kind: "error", message: describe(error) };
}

/** Errors another attempt may get past; everything else fails the run at once. */
function isTransient(error: unknown): boolean {
  if (isSourceError(error)) return error.retryable;
  if (error instanceof CheckpointMovedError) return true;
  if (isAppError(error)) return error.code === AppErrorCode.Conflict || error.code === AppErrorCode.Duplicate || error.code === AppErrorCode.Internal;
  return true; // database hiccups, lost connections, a killed attempt
}

async function failRun(run: SyncRunRow, source: SyncSourceRow, error: unknown): Promise<SyncRunSummary> {
  const failure = failureOf(error);
  if (failure.kind === "forbidden") {
    // The alert: the source stops (its status blocks scheduled runs) until an admin looks.
    console.error(JSON.stringify({ level: "error", msg: "sync source stopped: access forbidden", source: source.name, run: run.name }));
  }
  const row = await finishRun(run, { status: "failed", error: failure.message }, (tx) => recordSourceFailure(tx, source, failure));
  return runSummary(row);
}

async function completeRun(run: SyncRunRow): Promise<SyncRunSummary> {
  const row = await finishRun(run, { status: "completed" }, async (tx) => {
    const source = await loadSource(tx, run.source, true);
    if (!source) return;
    const now = dbTime();
    const advance = !run.dryRun && run.highWaterMark && (!source.highWaterMark || run.highWaterMark > source.highWaterMark);
    await tx
      .update(syncSources)
      .set({
        status: "ok",
        statusMessage: null,
        consecutiveFailures: 0,
        nextAttemptAt: null,
        lastSuccessAt: now,
        ...(advance ? { highWaterMark: run.highWaterMark } : {}),
        modified: now,
        modifiedBy: "system",
      })
      .where(eq(syncSources.name, source.name));
  });
  return runSummary(row);
}

/**
 * Pages through one phase from the run's checkpoint. A 410 disables the endpoint on the source and
 * the phase starts over once with an adapter built without it (Kipu: latest → census; vault → the
 * phase has nothing to read).
 */
interface PhaseContext {
  run: string;
  /** The cursor the run reads changes since (null: everything). */
  since: string | null;
  principal: Principal;
  deps: SyncDeps;
  adapterFor: AdapterFactory;
  signal?: AbortSignal | undefined;
}

async function runPhase(ctx: PhaseContext, phase: "records" | "removed", state: { source: SyncSourceRow; adapter: SyncAdapter; checkpoint: SyncCheckpoint }): Promise<void> {
  let restarted = false;
  for (;;) {
    const { adapter } = state;
    const fetch =
      phase === "records"
        ? (token: string | null) => adapter.fetchChanged({ since: ctx.since, pageToken: token, signal: ctx.signal })
        : adapter.fetchRemoved
          ? (token: string | null) => adapter.fetchRemoved!({ pageToken: token, signal: ctx.signal })
          : null;
    if (!fetch) {
      // Nothing to read in this phase (no removals at this source): move on.
      const next: SyncCheckpoint = { phase: phase === "records" ? "removed" : "done", pageToken: null, pagesDone: state.checkpoint.pagesDone };
      await saveCheckpoint(ctx.run, state.checkpoint, next);
      state.checkpoint = next;
      return;
    }
    let page: SourcePage;
    try {
      page = await fetch(state.checkpoint.pageToken);
    } catch (error) {
      if (!isSourceError(error) || error.kind !== "gone" || !error.endpoint || restarted) throw error;
      await disableEndpoint(syncDb(), state.source.name, error.endpoint);
      state.source = (await loadSource(syncDb(), state.source.name)) ?? state.source;
      state.adapter = ctx.adapterFor(state.source);
      restarted = true;
      continue;
    }
    const next: SyncCheckpoint = { phase: page.nextPageToken === null ? (phase === "records" ? "removed" : "done") : phase, pageToken: page.nextPageToken, pagesDone: state.checkpoint.pagesDone + 1 };
    await commitPage({ run: ctx.run, principal: ctx.principal, source: state.source, adapter: state.adapter, phase, page, from: state.checkpoint, next });
    state.checkpoint = next;
    await ctx.deps.afterPage?.({ run: ctx.run, phase: next.phase, pagesDone: next.pagesDone });
    if (next.phase !== phase) return;
  }
}

/**
 * Executes a run created by `startSyncRun`, or resumes it from its last committed page. Idempotent:
 * a finished run is returned as it is. Acts as the run's actor (their permissions, their name on
 * every audit row, request id `sync:<run>`).
 */
export async function executeSyncRun(runName: string, deps: SyncDeps, options: ExecuteOptions = {}): Promise<SyncRunSummary> {
  const db = syncDb();
  let run = await mustLoadRun(db, runName);
  if (TERMINAL.has(run.status)) return runSummary(run);
  const source = await loadSource(db, run.source);
  if (!source) return failRun(run, { name: run.source } as SyncSourceRow, new Error(`sync source ${run.source} no longer exists`));
  if (source.runningRun !== run.name) {
    // Only the run holding its source may work on it; this one lost it (never expected): fail it.
    return finishRun(run, { status: "failed", error: "the run does not hold its source" }).then(runSummary);
  }
  const principal = await deps.loadPrincipal(run.actor);
  if (!principal || !isSyncOperator(principal)) {
    const summary = await failRun(run, source, new Error(`actor ${run.actor} no longer exists, is disabled or may no longer run syncs`));
    throw new SyncRunFailedError(summary);
  }

  await markRunning(db, run.name);
  const adapterFor = deps.adapterFor ?? adapterFactoryFromEnv();
  try {
    const state = { source, adapter: adapterFor(source), checkpoint: run.checkpoint ?? FIRST_CHECKPOINT };
    const ctx: PhaseContext = { run: run.name, since: run.since, principal, deps, adapterFor, signal: options.signal };
    if (state.checkpoint.phase === "records") await runPhase(ctx, "records", state);
    if (state.checkpoint.phase === "removed") await runPhase(ctx, "removed", state);
    run = await mustLoadRun(db, run.name);
    return await completeRun(run);
  } catch (error) {
    run = await mustLoadRun(db, run.name);
    if (isTransient(error) && !options.finalAttempt) {
      await noteRunError(run.name, describe(error));
      throw error;
    }
    const latestSource = (await loadSource(db, run.source)) ?? source;
    const summary = await failRun(run, latestSource, error);
    throw new SyncRunFailedError(summary);
  }
}
