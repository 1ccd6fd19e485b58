import { and, count, desc, eq, ne, type SQL } from "drizzle-orm";
import { AppError, AppErrorCode, ScopedDb, type Principal } from "@orchestrator/db";
import { clients, syncDuplicates, syncState } from "@orchestrator/db/schema";
import { registry } from "../registry";
import { syncedFields } from "./adapter";
import { assertSyncOperator } from "./permissions";
import { dbTime, loadSource } from "./sources";
import { syncDb, type Executor } from "./store";

export type SyncDuplicateRow = typeof syncDuplicates.$inferSelect;
export type DuplicateResolution = "merge" | "dismiss";

export interface SyncDuplicateSummary {
  name: string;
  source: string;
  external_id: string;
  /** The local client the source record looks like. */
  client: string;
  source_values: Record<string, unknown>;
  run: string;
  status: SyncDuplicateRow["status"];
  resolved_by: string | null;
  resolved_at: string | null;
  created_client: string | null;
  creation: string;
}

function summary(row: SyncDuplicateRow): SyncDuplicateSummary {
  return {
    name: row.name,
    source: row.source,
    external_id: row.externalId,
    client: row.client,
    source_values: row.sourceValues,
    run: row.run,
    status: row.status,
    resolved_by: row.resolvedBy,
    resolved_at: row.resolvedAt,
    created_client: row.createdClient,
    creation: row.creation,
  };
}

export async function listDuplicates(principal: Principal, options: { status?: SyncDuplicateRow["status"]; source?: string; run?: string; limit?: number; start?: number } = {}): Promise<{ rows: SyncDuplicateSummary[]; total: number }> {
  assertSyncOperator(principal);
  const parts: SQL[] = [eq(syncDuplicates.status, options.status ?? "open")];
  if (options.source) parts.push(eq(syncDuplicates.source, options.source));
  if (options.run) parts.push(eq(syncDuplicates.run, options.run));
  const where = and(...parts);
  const db = syncDb();
  const [rows, [total]] = await Promise.all([
    db.select().from(syncDuplicates).where(where).orderBy(desc(syncDuplicates.creation)).limit(Math.min(options.limit ?? 50, 500)).offset(options.start ?? 0),
    db.select({ n: count() }).from(syncDuplicates).where(where),
  ]);
  return { rows: rows.map(summary), total: Number(total?.n ?? 0) };
}

/** The client a source record is linked to already, if any (a merge or dismissal of another proposal). */
async function linkedClient(tx: Executor, source: string, kind: "kipu" | "webhook", externalId: string): Promise<string | null> {
  const [state] = await tx.select({ client: syncState.client }).from(syncState).where(and(eq(syncState.source, source), eq(syncState.externalId, externalId))).limit(1);
  if (state) return state.client;
  if (kind !== "kipu") return null;
  const [client] = await tx.select({ name: clients.name }).from(clients).where(eq(clients.kipuId, externalId)).limit(1);
  return client?.name ?? null;
}

/**
 * Settles a proposed merge, audited as the resolving user (request id `sync-duplicate:<name>`):
 * - `merge`: the local client takes the source record's id (`kipu_id` for Kipu) and its values;
 * - `dismiss`: they are different people — a new client is created for the source record.
 * Either way the record is linked from then on, so the other proposals for it close as dismissed.
 */
export async function resolveDuplicate(name: string, resolution: DuplicateResolution, principal: Principal): Promise<SyncDuplicateSummary> {
  assertSyncOperator(principal);
  const row = await syncDb().transaction(async (tx) => {
    const [dup] = await tx.select().from(syncDuplicates).where(eq(syncDuplicates.name, name)).limit(1).for("update");
    if (!dup) throw AppError.notFound("Sync Duplicate", name);
    if (dup.status !== "open") throw new AppError(AppErrorCode.Conflict, `Sync duplicate ${name} is already resolved (${dup.status})`);
    const source = await loadSource(tx, dup.source);
    if (!source) throw AppError.notFound("Sync Source", dup.source);
    const already = await linkedClient(tx, dup.source, source.kind, dup.externalId);
    if (already && resolution === "merge") throw new AppError(AppErrorCode.Conflict, `The source record is already linked to client ${already}`);

    const scoped = new ScopedDb(principal, { requestId: `sync-duplicate:${name}` }, registry, tx);
    const now = dbTime();
    const values = Object.fromEntries(syncedFields.map((f) => [f, dup.sourceValues[f] ?? null]));
    const server: Record<string, unknown> = source.kind === "kipu" ? { kipu_id: dup.externalId, synced_from_kipu: 1, kipu_last_synced_at: now } : {};
    let client: string | null = null;
    let createdClient: string | null = null;
    if (resolution === "merge") {
      await scoped.update("Client", dup.client, values, { serverValues: server });
      client = dup.client;
    } else if (!already) {
      createdClient = (await scoped.insert("Client", { ...values, department: source.department }, { serverValues: server })).name;
      client = createdClient;
    }
    if (client) {
      await tx
        .insert(syncState)
        .values({ source: dup.source, externalId: dup.externalId, client, values, changeMarker: dup.changeMarker, run: dup.run, syncedAt: now })
        .onDuplicateKeyUpdate({ set: { client, values, changeMarker: dup.changeMarker, syncedAt: now } });
    }
    await tx
      .update(syncDuplicates)
      .set({ status: resolution === "merge" ? "merged" : "dismissed", createdClient, resolvedBy: principal.user, resolvedAt: now, modified: now, modifiedBy: principal.user })
      .where(eq(syncDuplicates.name, name));
    await tx
      .update(syncDuplicates)
      .set({ status: "dismissed", resolvedBy: principal.user, resolvedAt: now, modified: now, modifiedBy: principal.user })
      .where(and(eq(syncDuplicates.source, dup.source), eq(syncDuplicates.externalId, dup.externalId), eq(syncDuplicates.status, "open"), ne(syncDuplicates.name, name)));
    const [updated] = await tx.select().from(syncDuplicates).where(eq(syncDuplicates.name, name)).limit(1);
    return updated!;
  });
  return summary(row);
}
