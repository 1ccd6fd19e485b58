import { and, count, desc, eq, type SQL } from "drizzle-orm";
import { AppError, AppErrorCode, ScopedDb, type Principal } from "@orchestrator/db";
import { syncConflicts, syncState } from "@orchestrator/db/schema";
import { registry } from "../registry";
import { assertSyncOperator } from "./permissions";
import { dbTime } from "./sources";
import { syncDb } from "./store";

export type SyncConflictRow = typeof syncConflicts.$inferSelect;
export type ConflictResolution = "keep_local" | "take_source";

export interface SyncConflictSummary {
  name: string;
  source: string;
  client: string;
  field: string;
  local_value: unknown;
  source_value: unknown;
  run: string;
  status: SyncConflictRow["status"];
  resolved_by: string | null;
  resolved_at: string | null;
  creation: string;
  modified: string;
}

function summary(row: SyncConflictRow): SyncConflictSummary {
  return {
    name: row.name,
    source: row.source,
    client: row.client,
    field: row.field,
    local_value: row.localValue?.value ?? null,
    source_value: row.sourceValue?.value ?? null,
    run: row.run,
    status: row.status,
    resolved_by: row.resolvedBy,
    resolved_at: row.resolvedAt,
    creation: row.creation,
    modified: row.modified,
  };
}

/** The review queue: open conflicts by default, newest first. */
export async function listConflicts(principal: Principal, options: { status?: SyncConflictRow["status"]; source?: string; client?: string; run?: string; limit?: number; start?: number } = {}): Promise<{ rows: SyncConflictSummary[]; total: number }> {
  assertSyncOperator(principal);
  const parts: SQL[] = [eq(syncConflicts.status, options.status ?? "open")];
  if (options.source) parts.push(eq(syncConflicts.source, options.source));
  if (options.client) parts.push(eq(syncConflicts.client, options.client));
  if (options.run) parts.push(eq(syncConflicts.run, options.run));
  const where = and(...parts);
  const db = syncDb();
  const [rows, [total]] = await Promise.all([
    db.select().from(syncConflicts).where(where).orderBy(desc(syncConflicts.creation)).limit(Math.min(options.limit ?? 50, 500)).offset(options.start ?? 0),
    db.select({ n: count() }).from(syncConflicts).where(where),
  ]);
  return { rows: rows.map(summary), total: Number(total?.n ?? 0) };
}

/**
 * Settles one field: `keep_local` leaves the client as it is (a later change at the source raises a
 * new conflict); `take_source` writes the source's latest value for the field — through the scope,
 * audited as the resolving user (request id `sync-conflict:<name>`) — in the same transaction that
 * closes the conflict.
 */
export async function resolveConflict(name: string, resolution: ConflictResolution, principal: Principal): Promise<SyncConflictSummary> {
  assertSyncOperator(principal);
  const row = await syncDb().transaction(async (tx) => {
    const [conflict] = await tx.select().from(syncConflicts).where(eq(syncConflicts.name, name)).limit(1).for("update");
    if (!conflict) throw AppError.notFound("Sync Conflict", name);
    if (conflict.status !== "open") throw new AppError(AppErrorCode.Conflict, `Sync conflict ${name} is already resolved (${conflict.status})`);
    if (resolution === "take_source") {
      // The newest value the source sent for the field (a later run may have seen a newer one).
      const [state] = await tx.select({ values: syncState.values }).from(syncState).where(and(eq(syncState.source, conflict.source), eq(syncState.client, conflict.client))).limit(1);
      const value = state && conflict.field in state.values ? state.values[conflict.field] : conflict.sourceValue?.value;
      const scoped = new ScopedDb(principal, { requestId: `sync-conflict:${name}` }, registry, tx);
      await scoped.update("Client", conflict.client, { [conflict.field]: value ?? null });
    }
    const now = dbTime();
    await tx
      .update(syncConflicts)
      .set({ status: resolution === "take_source" ? "took_source" : "kept_local", resolvedBy: principal.user, resolvedAt: now, modified: now, modifiedBy: principal.user })
      .where(eq(syncConflicts.name, name));
    const [updated] = await tx.select().from(syncConflicts).where(eq(syncConflicts.name, name)).limit(1);
    return updated!;
  });
  return summary(row);
}
