import { and, count, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { AppError, AppErrorCode, ScopedDb, type Principal } from "@orchestrator/db";
import { medicalAssignments, programAssignments, syncChanges, syncConflicts, syncDuplicates, syncRuns, syncSources, syncState, tasks } from "@orchestrator/db/schema";
import { registry } from "../registry";
import { CLIENT_FIELDS } from "./load-page";
import { assertSyncOperator } from "./permissions";
import { mustLoadRun, runSummary, type SyncChangeRow, type SyncRunSummary } from "./runs";
import { dbTime, loadSource } from "./sources";
import { syncDb, type Executor } from "./store";
import { sameValue } from "./values";

/**
 * Rolling back a run: the clients it created are deleted, the fields it changed get their
 * before-images back — except where someone changed them again since (compared field by field with
 * what the run wrote): those are kept and reported, never overwritten. Every write goes through the
 * scope, audited as the user rolling back (request id `sync-rollback:<run>`); each change is undone in
 * its own transaction and marked, so a rollback interrupted half-way can simply be run again.
 * The records' sync state and the source's high-water mark go back too, so the next sync brings the
 * undone changes again unless the source changed its mind; the review items the run opened close.
 */

export interface KeptChange {
  client: string | null;
  external_id: string | null;
  /** Fields left as they are because they changed after the run (names only). */
  fields: string[];
  reason: string;
}

export interface RollbackReport extends SyncRunSummary {
  restored: number;
  kept: KeptChange[];
}

const UNDOABLE = ["create", "update", "remove", "conflict"] as const;
const READ_ONLY_FIELDS = new Set(["kipu_id", "kipu_last_synced_at", "synced_from_kipu", "kipu_removed_at"]);
const lockName = (run: string) => `rollback:${run}`;

async function takeSource(run: string, source: string): Promise<void> {
  await syncDb().transaction(async (tx) => {
    const row = await loadSource(tx, source, true);
    if (!row) throw AppError.notFound("Sync Source", source);
    if (row.runningRun && row.runningRun !== lockName(run)) throw new AppError(AppErrorCode.Conflict, `A sync of ${source} is running (${row.runningRun}); roll back when it has finished`);
    await tx.update(syncSources).set({ runningRun: lockName(run), modified: dbTime(), modifiedBy: "system" }).where(eq(syncSources.name, source));
  });
}

async function releaseSource(tx: Executor, run: string, source: string): Promise<void> {
  await tx.update(syncSources).set({ runningRun: null, modified: dbTime(), modifiedBy: "system" }).where(and(eq(syncSources.name, source), eq(syncSources.runningRun, lockName(run))));
}

/** Puts the record's sync state back as it was before the run — unless a later run has rewritten it. */
async function restoreState(tx: Executor, change: SyncChangeRow): Promise<void> {
  if (!change.externalId) return;
  const where = and(eq(syncState.source, change.source), eq(syncState.externalId, change.externalId), eq(syncState.run, change.run));
  const before = change.stateBefore as { client: string; values: Record<string, unknown>; changeMarker: string | null; run: string | null; syncedAt: string } | null;
  if (!before) {
    await tx.delete(syncState).where(where);
    return;
  }
  await tx.update(syncState).set({ client: before.client, values: before.values, changeMarker: before.changeMarker, run: before.run, syncedAt: before.syncedAt }).where(where);
}

async function mark(tx: Executor, change: SyncChangeRow, status: "restored" | "kept", note: string | null): Promise<void> {
  await tx.update(syncChanges).set({ rollbackStatus: status, rollbackNote: note?.slice(0, 500) ?? null }).where(eq(syncChanges.id, change.id));
}

/** Work hung on a client since (tasks, assignments) — an existence check, no data read. */
async function hasAttachedWork(tx: Executor, client: string): Promise<boolean> {
  const [t] = await tx.select({ n: count() }).from(tasks).where(eq(tasks.client, client));
  const [m] = await tx.select({ n: count() }).from(medicalAssignments).where(eq(medicalAssignments.parent, client));
  const [p] = await tx.select({ n: count() }).from(programAssignments).where(eq(programAssignments.parent, client));
  return Number(t?.n ?? 0) + Number(m?.n ?? 0) + Number(p?.n ?? 0) > 0;
}

async function undoCreate(tx: Executor, scoped: ScopedDb, change: SyncChangeRow): Promise<KeptChange | null> {
  const [current] = change.client ? await scoped.list("Client", { fields: CLIENT_FIELDS, filters: [{ field: "name", operator: "=", value: change.client }], limit: 1 }) : [];
  if (current) {
    const after = change.afterImage ?? {};
    const changed = Object.keys(after).filter((f) => !sameValue(current[f], after[f]));
    if (changed.length || (await hasAttachedWork(tx, change.client!))) {
      const reason = changed.length ? "changed since the sync" : "has work attached since the sync (tasks or assignments)";
      await mark(tx, change, "kept", `not removed: ${reason}`);
      return { client: change.client, external_id: change.externalId, fields: changed, reason };
    }
    await scoped.delete("Client", change.client!);
  }
  await restoreState(tx, change);
  await mark(tx, change, "restored", null);
  return null;
}

async function undoUpdate(tx: Executor, scoped: ScopedDb, change: SyncChangeRow): Promise<KeptChange | null> {
  const after = change.afterImage ?? {};
  const before = change.beforeImage ?? {};
  const [current] = change.client ? await scoped.list("Client", { fields: CLIENT_FIELDS, filters: [{ field: "name", operator: "=", value: change.client }], limit: 1 }) : [];
  if (!current) {
    await mark(tx, change, "kept", "the client no longer exists");
    return { client: change.client, external_id: change.externalId, fields: Object.keys(after), reason: "the client no longer exists" };
  }
  const body: Record<string, unknown> = {};
  const server: Record<string, unknown> = {};
  const kept: string[] = [];
  for (const field of Object.keys(after)) {
    // Already back (an earlier, interrupted rollback; or someone reverted it by hand): nothing to do.
    if (sameValue(current[field], before[field] ?? null)) continue;
    if (!sameValue(current[field], after[field])) {
      kept.push(field);
      continue;
    }
    if (READ_ONLY_FIELDS.has(field)) server[field] = before[field] ?? null;
    else body[field] = before[field] ?? null;
  }
  if (Object.keys(body).length || Object.keys(server).length) await scoped.update("Client", change.client!, body, { serverValues: server });
  // Only a change undone whole gives the record its old sync state back; otherwise the run's stays.
  if (!kept.length) await restoreState(tx, change);
  await mark(tx, change, kept.length ? "kept" : "restored", kept.length ? `kept (changed since the sync): ${kept.join(", ")}` : null);
  return kept.length ? { client: change.client, external_id: change.externalId, fields: kept, reason: "changed since the sync" } : null;
}

/** Undoes a finished, real run; `partially_rolled_back` runs may be rolled back again (after the kept fields were sorted out). */
export async function rollbackSyncRun(runName: string, principal: Principal): Promise<RollbackReport> {
  assertSyncOperator(principal);
  const db = syncDb();
  const run = await mustLoadRun(db, runName);
  if (run.dryRun) throw new AppError(AppErrorCode.Conflict, `Sync run ${runName} was a dry run: it changed nothing`);
  if (!["completed", "failed", "partially_rolled_back"].includes(run.status)) throw new AppError(AppErrorCode.Conflict, `Sync run ${runName} is ${run.status}: only a finished run can be rolled back`);
  await takeSource(run.name, run.source);

  const meta = { requestId: `sync-rollback:${run.name}` };
  const kept: KeptChange[] = [];
  let restored = 0;
  try {
    const changes = await db
      .select()
      .from(syncChanges)
      // Not yet undone, or kept last time (perhaps sorted out since).
      .where(and(eq(syncChanges.run, run.name), inArray(syncChanges.action, [...UNDOABLE]), or(isNull(syncChanges.rollbackStatus), eq(syncChanges.rollbackStatus, "kept"))))
      .orderBy(desc(syncChanges.id));
    for (const change of changes) {
      const outcome = await db.transaction(async (tx) => {
        const scoped = new ScopedDb(principal, meta, registry, tx);
        return change.action === "create" ? undoCreate(tx, scoped, change) : undoUpdate(tx, scoped, change);
      });
      if (outcome) kept.push(outcome);
      else restored += 1;
    }
  } catch (error) {
    // Changes undone so far stay undone (and marked); running the rollback again finishes the rest.
    await releaseSource(db, run.name, run.source);
    throw error;
  }

  const finished = await db.transaction(async (tx) => {
    const now = dbTime();
    // Review items the run opened and nobody settled go with it.
    await tx.delete(syncConflicts).where(and(eq(syncConflicts.run, run.name), eq(syncConflicts.status, "open")));
    await tx.delete(syncDuplicates).where(and(eq(syncDuplicates.run, run.name), eq(syncDuplicates.status, "open")));
    // The next incremental run reads from where this one started, unless a later run moved on.
    await tx
      .update(syncSources)
      .set({ highWaterMark: run.previousHighWaterMark, modified: now, modifiedBy: "system" })
      .where(and(eq(syncSources.name, run.source), run.highWaterMark ? eq(syncSources.highWaterMark, run.highWaterMark) : sql`false`));
    await tx
      .update(syncRuns)
      .set({ status: kept.length ? "partially_rolled_back" : "rolled_back", rolledBackAt: now, rolledBackBy: principal.user, modified: now, modifiedBy: principal.user })
      .where(eq(syncRuns.name, run.name));
    await releaseSource(tx, run.name, run.source);
    return mustLoadRun(tx, run.name);
  });
  return { ...runSummary(finished), restored, kept };
}
