import { eq } from "drizzle-orm";
import { ScopedDb, type Principal } from "@orchestrator/db";
import { syncRuns, type SyncCheckpoint } from "@orchestrator/db/schema";
import { registry } from "../registry";
import type { MappedRecord, SourcePage, SyncAdapter } from "./adapter";
import { addCounts, applyPlans, type PageCounts } from "./apply";
import { loadAlreadyInRun, loadDuplicateCandidates, loadLinkedClients, loadStates } from "./load-page";
import { planPage, planRemovals } from "./plan";
import { mustLoadRun } from "./runs";
import { dbTime, policyFor, type SyncSourceRow } from "./sources";
import { syncDb, type Executor } from "./store";

/** Thrown when the run's checkpoint moved under us: another worker is (or was) on the same run. */
export class CheckpointMovedError extends Error {
  constructor(run: string) {
    super(`sync run ${run} advanced elsewhere; this attempt stops`);
    this.name = "CheckpointMovedError";
  }
}

export interface CommitPageInput {
  run: string;
  principal: Principal;
  source: SyncSourceRow;
  adapter: SyncAdapter;
  phase: "records" | "removed";
  page: SourcePage;
  /** The checkpoint this page was fetched at; the commit fails if the run is no longer there. */
  from: SyncCheckpoint;
  /** The checkpoint after this page. */
  next: SyncCheckpoint;
}

function highest(...values: (string | null | undefined)[]): string | null {
  let out: string | null = null;
  for (const v of values) if (v && (out === null || v > out)) out = v;
  return out;
}

/**
 * One page — or several consecutive pages merged into one (see SYNC_COMMIT_RECORDS) — one
 * transaction: the diff is computed against the database as it is inside the
 * transaction, applied (client writes through a ScopedDb on the same connection, so each is audited
 * in it), and the run's counts, high-water mark and checkpoint are saved with it. A worker killed
 * before the commit leaves nothing of the page; one killed after it resumes at the next page.
 */
export async function commitPage(input: CommitPageInput): Promise<PageCounts> {
  const { run, adapter, source } = input;
  return syncDb().transaction(async (tx) => {
    // The run row lock serialises two workers on one run; the checkpoint must be where we read the page.
    const current = await mustLoadRun(tx, run, true);
    const at = current.checkpoint;
    if (!at || at.phase !== input.from.phase || at.pageToken !== input.from.pageToken || at.pagesDone !== input.from.pagesDone) throw new CheckpointMovedError(run);

    const scoped = new ScopedDb(input.principal, { requestId: `sync:${run}` }, registry, tx);
    let plans;
    let pageHighWater: string | null = null;
    if (input.phase === "records") {
      const mapped: MappedRecord[] = input.page.records.map((raw) => adapter.map(raw));
      const ids = [...new Set(mapped.flatMap((r) => (r.externalId ? [r.externalId] : [])))];
      const states = await loadStates(tx, source.name, ids);
      // One connection: the reads run one after another anyway.
      const locals = await loadLinkedClients(scoped, adapter, ids, states);
      const alreadyInRun = await loadAlreadyInRun(tx, run, ids);
      const fresh = mapped.filter((r): r is Extract<MappedRecord, { ok: true }> => r.ok && !locals.has(r.externalId));
      const candidates = await loadDuplicateCandidates(scoped, tx, source.name, adapter, fresh);
      plans = planPage({ records: mapped, locals, states, candidates, alreadyInRun, policy: (field) => policyFor(source, field) });
      pageHighWater = highest(input.page.cursor, ...mapped.map((r) => (r.ok ? r.changeMarker : null)));
      const counts = await applyPlans({ tx, principal: input.principal, meta: scoped.meta, run, source: source.name, dryRun: Boolean(current.dryRun), adapter, department: source.department, states }, plans);
      await saveProgress(tx, run, counts, input.next, highest(current.highWaterMark, pageHighWater));
      return counts;
    }
    const removals = input.page.records.map((raw) => adapter.mapRemoved(raw));
    const ids = [...new Set(removals.flatMap((r) => (r.externalId ? [r.externalId] : [])))];
    const states = await loadStates(tx, source.name, ids);
    const locals = await loadLinkedClients(scoped, adapter, ids, states);
    const alreadyInRun = await loadAlreadyInRun(tx, run, ids);
    plans = planRemovals(removals, locals, alreadyInRun);
    const counts = await applyPlans({ tx, principal: input.principal, meta: scoped.meta, run, source: source.name, dryRun: Boolean(current.dryRun), adapter, department: source.department, states }, plans);
    await saveProgress(tx, run, counts, input.next, current.highWaterMark);
    return counts;
  });
}

async function saveProgress(tx: Executor, run: string, counts: PageCounts, checkpoint: SyncCheckpoint, highWaterMark: string | null): Promise<void> {
  await tx
    .update(syncRuns)
    .set({ ...addCounts(counts), checkpoint, highWaterMark, modified: dbTime(), modifiedBy: "system" })
    .where(eq(syncRuns.name, run));
}

/** Moves a run's checkpoint past a phase with nothing to read (compare-and-set, like a page commit). */
export async function saveCheckpoint(run: string, from: SyncCheckpoint, next: SyncCheckpoint): Promise<void> {
  await syncDb().transaction(async (tx) => {
    const current = await mustLoadRun(tx, run, true);
    const at = current.checkpoint;
    if (!at || at.phase !== from.phase || at.pageToken !== from.pageToken || at.pagesDone !== from.pagesDone) throw new CheckpointMovedError(run);
    await tx.update(syncRuns).set({ checkpoint: next, modified: dbTime(), modifiedBy: "system" }).where(eq(syncRuns.name, run));
  });
}
