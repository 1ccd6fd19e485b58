import { and, asc, count, desc, eq, sql, type SQL } from "drizzle-orm";
import { AppError, AppErrorCode, type Principal } from "@orchestrator/db";
import { syncChanges, syncRuns, syncSources, type SyncCheckpoint } from "@orchestrator/db/schema";
import { assertSyncOperator } from "./permissions";
import { dbTime, ensureSource, kindOfSource, loadSource } from "./sources";
import { nextSeriesName, syncDb, type Executor } from "./store";

export type SyncRunRow = typeof syncRuns.$inferSelect;
export type SyncChangeRow = typeof syncChanges.$inferSelect;
export type SyncType = SyncRunRow["syncType"];
export type SyncTrigger = SyncRunRow["trigger"];
export type SyncRunStatus = SyncRunRow["status"];

export const FIRST_CHECKPOINT: SyncCheckpoint = { phase: "records", pageToken: null, pagesDone: 0 };

/** What a run (or one page of it) did, record by record. */
export interface SyncCounts {
  imported: number;
  updated: number;
  skipped: number;
  conflicts: number;
  duplicates: number;
  errors: number;
  removed: number;
}

/** A run as the services return it (snake_case, like the rest of the REST surface). No secrets, no PHI. */
export interface SyncRunSummary extends SyncCounts {
  name: string;
  source: string;
  sync_type: SyncType;
  dry_run: boolean;
  trigger: SyncTrigger;
  actor: string;
  status: SyncRunStatus;
  /** The cursor the run read changes since; null for a full read. */
  since: string | null;
  high_water_mark: string | null;
  /** Pages committed so far and the phase: live progress of a running sync. */
  pages_done: number;
  phase: SyncCheckpoint["phase"];
  attempts: number;
  error: string | null;
  started_at: string | null;
  finished_at: string | null;
  rolled_back_at: string | null;
  rolled_back_by: string | null;
  creation: string;
}

export function runSummary(row: SyncRunRow): SyncRunSummary {
  const checkpoint = row.checkpoint ?? FIRST_CHECKPOINT;
  return {
    name: row.name,
    source: row.source,
    sync_type: row.syncType,
    dry_run: Boolean(row.dryRun),
    trigger: row.trigger,
    actor: row.actor,
    status: row.status,
    since: row.since,
    high_water_mark: row.highWaterMark,
    imported: row.imported,
    updated: row.updated,
    skipped: row.skipped,
    conflicts: row.conflicts,
    duplicates: row.duplicates,
    errors: row.errors,
    removed: row.removed,
    pages_done: checkpoint.pagesDone,
    phase: checkpoint.phase,
    attempts: row.attempts,
    error: row.error,
    started_at: row.startedAt,
    finished_at: row.finishedAt,
    rolled_back_at: row.rolledBackAt,
    rolled_back_by: row.rolledBackBy,
    creation: row.creation,
  };
}

export interface SyncChangeSummary {
  id: number;
  client: string | null;
  external_id: string | null;
  action: SyncChangeRow["action"];
  /** The client's fields before the change (null for a create). */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  fields_changed: string[];
  conflict_fields: string[];
  error_reason: string | null;
  rollback_status: SyncChangeRow["rollbackStatus"];
  rollback_note: string | null;
  creation: string;
}

export function changeSummary(row: SyncChangeRow): SyncChangeSummary {
  return {
    id: row.id,
    client: row.client,
    external_id: row.externalId,
    action: row.action,
    before: row.beforeImage,
    after: row.afterImage,
    fields_changed: row.fieldsChanged ?? [],
    conflict_fields: row.conflictFields ?? [],
    error_reason: row.errorReason,
    rollback_status: row.rollbackStatus,
    rollback_note: row.rollbackNote,
    creation: row.creation,
  };
}

export async function loadRun(exec: Executor, name: string, forUpdate = false): Promise<SyncRunRow | undefined> {
  const q = exec.select().from(syncRuns).where(eq(syncRuns.name, name)).limit(1);
  const [row] = forUpdate ? await q.for("update") : await q;
  return row;
}

export async function mustLoadRun(exec: Executor, name: string, forUpdate = false): Promise<SyncRunRow> {
  const row = await loadRun(exec, name, forUpdate);
  if (!row) throw AppError.notFound("Sync Run", name);
  return row;
}

export interface StartSyncRunInput {
  source: string;
  syncType: SyncType;
  dryRun: boolean;
  trigger: SyncTrigger;
  requestId?: string | undefined;
}

/**
 * Creates a run and takes its source: one run per source at a time, guarded in the database (the
 * source row is locked, then `running_run` set in the same transaction), so two concurrent starts —
 * from two web processes or a schedule and a click — give one run and one CONFLICT.
 * The run acts as `principal`; an incremental run reads changes since the source's high-water mark
 * (none yet: everything).
 */
export async function startSyncRun(input: StartSyncRunInput, principal: Principal): Promise<SyncRunSummary> {
  assertSyncOperator(principal);
  const db = syncDb();
  // Kipu's row is created on first use; a webhook source exists once something was pushed to it.
  if (kindOfSource(input.source) === "kipu") await ensureSource(db, input.source, "kipu");
  const row = await db.transaction(async (tx) => {
    const source = await loadSource(tx, input.source, true);
    if (!source) throw AppError.notFound("Sync Source", input.source);
    if (!source.enabled) throw new AppError(AppErrorCode.Conflict, `Sync source ${source.name} is disabled`);
    if (source.runningRun) throw new AppError(AppErrorCode.Conflict, `A sync of ${source.name} is already running (${source.runningRun})`);
    const name = await nextSeriesName(tx, "SR-", 5);
    const now = dbTime();
    const run: typeof syncRuns.$inferInsert = {
      name,
      source: source.name,
      syncType: input.syncType,
      dryRun: input.dryRun,
      trigger: input.trigger,
      actor: principal.user,
      status: "queued",
      since: input.syncType === "incremental" ? source.highWaterMark : null,
      previousHighWaterMark: source.highWaterMark,
      checkpoint: FIRST_CHECKPOINT,
      requestId: input.requestId ?? null,
      creation: now,
      modified: now,
      owner: principal.user,
      modifiedBy: principal.user,
    };
    await tx.insert(syncRuns).values(run);
    await tx.update(syncSources).set({ runningRun: name, lastRun: name, modified: now, modifiedBy: principal.user }).where(eq(syncSources.name, source.name));
    return mustLoadRun(tx, name);
  });
  return runSummary(row);
}

/** Marks a run running (first attempt or a resume) and counts the attempt. */
export async function markRunning(exec: Executor, run: string): Promise<void> {
  const now = dbTime();
  await exec
    .update(syncRuns)
    .set({ status: "running", startedAt: sql`coalesce(${syncRuns.startedAt}, ${now})`, attempts: sql`${syncRuns.attempts} + 1`, modified: now, modifiedBy: "system" })
    .where(and(eq(syncRuns.name, run), sql`${syncRuns.status} in ('queued', 'running')`));
}

/** Ends a run and releases its source in one transaction; `onSource` adds the source's own bookkeeping. */
export async function finishRun(run: SyncRunRow, outcome: { status: "completed" | "failed"; error?: string | null }, onSource?: (tx: Executor) => Promise<void>): Promise<SyncRunRow> {
  return syncDb().transaction(async (tx) => {
    const now = dbTime();
    await tx.update(syncRuns).set({ status: outcome.status, error: outcome.error ?? null, finishedAt: now, modified: now, modifiedBy: "system" }).where(eq(syncRuns.name, run.name));
    await tx.update(syncSources).set({ runningRun: null, modified: now, modifiedBy: "system" }).where(and(eq(syncSources.name, run.source), eq(syncSources.runningRun, run.name)));
    if (onSource) await onSource(tx);
    return mustLoadRun(tx, run.name);
  });
}

/** Notes a transient failure on a run that will be retried (the run keeps its source). */
export async function noteRunError(run: string, error: string): Promise<void> {
  await syncDb().update(syncRuns).set({ error: error.slice(0, 2000), modified: dbTime(), modifiedBy: "system" }).where(eq(syncRuns.name, run));
}

export interface GetSyncRunOptions {
  /** Page through the change records (default the first 500). */
  limit?: number;
  start?: number;
  action?: SyncChangeRow["action"];
}

export async function getSyncRun(run: string, principal: Principal, options: GetSyncRunOptions = {}): Promise<SyncRunSummary & { changes: SyncChangeSummary[]; changes_total: number }> {
  assertSyncOperator(principal);
  const db = syncDb();
  const row = await mustLoadRun(db, run);
  const where = and(eq(syncChanges.run, run), options.action ? eq(syncChanges.action, options.action) : undefined);
  const [changes, [total]] = await Promise.all([
    db.select().from(syncChanges).where(where).orderBy(asc(syncChanges.id)).limit(Math.min(options.limit ?? 500, 5000)).offset(options.start ?? 0),
    db.select({ n: count() }).from(syncChanges).where(where),
  ]);
  return { ...runSummary(row), changes: changes.map(changeSummary), changes_total: Number(total?.n ?? 0) };
}

export interface ListSyncRunsOptions {
  source?: string;
  status?: SyncRunStatus;
  limit?: number;
  start?: number;
}

/** Newest first. */
export async function listSyncRuns(principal: Principal, options: ListSyncRunsOptions = {}): Promise<{ rows: SyncRunSummary[]; total: number }> {
  assertSyncOperator(principal);
  const db = syncDb();
  const parts: SQL[] = [];
  if (options.source) parts.push(eq(syncRuns.source, options.source));
  if (options.status) parts.push(eq(syncRuns.status, options.status));
  const where = parts.length ? and(...parts) : undefined;
  const [rows, [total]] = await Promise.all([
    db.select().from(syncRuns).where(where).orderBy(desc(syncRuns.creation), desc(syncRuns.name)).limit(Math.min(options.limit ?? 20, 500)).offset(options.start ?? 0),
    db.select({ n: count() }).from(syncRuns).where(where),
  ]);
  return { rows: rows.map(runSummary), total: Number(total?.n ?? 0) };
}
