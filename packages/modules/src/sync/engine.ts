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
import { env } from "./env";
import { syncDb } from "./store";

export interface SyncDeps {
  /** Rebuilds the run's actor's permissions (auth's `loadPrincipal`); null = the user is gone or disabled. */
  loadPrincipal: LoadPrincipal;
  /** Default: Kipu from the environment, webhook sources from their inbox. */
  adapterFor?: AdapterFactory;
  /** Called after each commit, with the pages done so far (tests use it to simulate a worker killed mid-run). */
  afterPage?: (info: { run: string; phase: SyncCheckpoint["phase"]; pagesDone: number }) => void | Promise<void>;
  /**
   * Records per transaction (default SYNC_COMMIT_RECORDS): consecutive pages of a phase are applied
   * and checkpointed together until they hold at least this many; 1 = one transaction per page.
   */
  commitRecords?: number;
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

interface PhaseContext {
  run: string;
  /** The cursor the run reads changes since (null: everything). */
  since: string | null;
  principal: Principal;
  deps: SyncDeps;
  adapterFor: AdapterFactory;
  /** Records per transaction (pages are grouped until they hold this many). */
  commitRecords: number;
  signal?: AbortSignal | undefined;
}

/** Consecutive pages as one: their records in order, the last one's next token, the highest cursor. */
function mergePages(pages: SourcePage[]): SourcePage {
  if (pages.length === 1) return pages[0]!;
  let cursor: string | null = null;
  for (const p of pages) if (p.cursor && (cursor === null || p.cursor > cursor)) cursor = p.cursor;
  return { records: pages.flatMap((p) => p.records), nextPageToken: pages[pages.length - 1]!.nextPageToken, cursor };
}

/**
 * Pages through one phase from the run's checkpoint. Consecutive pages are committed together until
 * they hold `commitRecords` records (one transaction, the checkpoint after the last of them). Reading
 * runs one page ahead of the commits: a page is side-effect free to read, so the source's latency
 * hides behind the database's, and a failed commit just drops what was read ahead.
 * A 410 disables the endpoint on the source and the phase starts over once, from the checkpoint, with
 * an adapter built without it (Kipu: latest → census; vault → the phase has nothing to read).
 */
async function runPhase(ctx: PhaseContext, phase: "records" | "removed", state: { source: SyncSourceRow; adapter: SyncAdapter; checkpoint: SyncCheckpoint }): Promise<void> {
  let restarted = false;
  let ahead: { token: string; page: Promise<SourcePage> } | null = null;
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
    const group: SourcePage[] = [];
    let records = 0;
    let token = state.checkpoint.pageToken;
    try {
      for (;;) {
        const page: SourcePage = await (ahead && ahead.token === token ? ahead.page : fetch(token));
        ahead = null;
        group.push(page);
        records += page.records.length;
        if (page.nextPageToken !== null) {
          ahead = { token: page.nextPageToken, page: fetch(page.nextPageToken) };
          // Awaited later; if a commit fails first, its failure must not go unhandled.
          ahead.page.catch(() => undefined);
        }
        if (page.nextPageToken === null || records >= ctx.commitRecords) break;
        token = page.nextPageToken;
      }
    } catch (error) {
      ahead = null;
      if (!isSourceError(error) || error.kind !== "gone" || !error.endpoint || restarted) throw error;
      await disableEndpoint(syncDb(), state.source.name, error.endpoint);
      state.source = (await loadSource(syncDb(), state.source.name)) ?? state.source;
      state.adapter = ctx.adapterFor(state.source);
      restarted = true;
      continue;
    }
    const page = mergePages(group);
    const next: SyncCheckpoint = { phase: page.nextPageToken === null ? (phase === "records" ? "removed" : "done") : phase, pageToken: page.nextPageToken, pagesDone: state.checkpoint.pagesDone + group.length };
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
    const ctx: PhaseContext = { run: run.name, since: run.since, principal, deps, adapterFor, commitRecords: deps.commitRecords ?? env.SYNC_COMMIT_RECORDS, signal: options.signal };
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
