import { and, eq, inArray } from "drizzle-orm";
import type { Filter, ScopedDb } from "@orchestrator/db";
import { syncChanges, syncState } from "@orchestrator/db/schema";
import type { MappedRecord, SyncAdapter } from "./adapter";
import type { LinkState, LocalClient } from "./plan";
import type { Executor } from "./store";
import { duplicateKey } from "./values";

/** The client columns a sync reads: the synced fields, the sync's own columns and `modified` (optimistic locking). */
export const CLIENT_FIELDS = ["name", "first_name", "last_name", "dob", "status", "admission_date", "discharge_date", "department", "kipu_id", "kipu_last_synced_at", "synced_from_kipu", "kipu_removed_at", "modified"];

export interface StateRow extends LinkState {
  run: string | null;
  syncedAt: string;
}

function toLocal(row: Record<string, unknown>): LocalClient {
  return { name: String(row.name), modified: String(row.modified), row };
}

/** Clients by name, through the scope (a sync's actor reads every department's clients). */
async function clientsByName(scoped: ScopedDb, names: string[]): Promise<Record<string, unknown>[]> {
  if (!names.length) return [];
  return scoped.list("Client", { fields: CLIENT_FIELDS, filters: [{ field: "name", operator: "in", value: names }], limit: 0 });
}

export async function loadStates(tx: Executor, source: string, externalIds: string[]): Promise<Map<string, StateRow>> {
  if (!externalIds.length) return new Map();
  const rows = await tx.select().from(syncState).where(and(eq(syncState.source, source), inArray(syncState.externalId, externalIds)));
  return new Map(rows.map((r) => [r.externalId, { client: r.client, values: r.values, changeMarker: r.changeMarker, run: r.run, syncedAt: r.syncedAt }]));
}

/**
 * The local clients linked to these records: by the source's id column on clients (`kipu_id`) when
 * it has one, otherwise (and for clients linked by an earlier merge) through sync_state.
 */
export async function loadLinkedClients(scoped: ScopedDb, adapter: Pick<SyncAdapter, "linkField">, externalIds: string[], states: ReadonlyMap<string, StateRow>): Promise<Map<string, LocalClient>> {
  const locals = new Map<string, LocalClient>();
  if (!externalIds.length) return locals;
  if (adapter.linkField) {
    const rows = await scoped.list("Client", { fields: CLIENT_FIELDS, filters: [{ field: adapter.linkField, operator: "in", value: externalIds }], limit: 0 });
    for (const row of rows) locals.set(String(row[adapter.linkField]), toLocal(row));
  }
  const viaState = externalIds.filter((id) => !locals.has(id) && states.has(id));
  const byName = new Map((await clientsByName(scoped, viaState.map((id) => states.get(id)!.client))).map((r) => [String(r.name), r]));
  for (const id of viaState) {
    const row = byName.get(states.get(id)!.client);
    if (row) locals.set(id, toLocal(row));
  }
  return locals;
}

/**
 * Unlinked local clients that share a duplicate key (normalised name + dob) with one of the new
 * records: looked up by date of birth (indexed), then compared on the normalised names here.
 */
export async function loadDuplicateCandidates(scoped: ScopedDb, tx: Executor, source: string, adapter: Pick<SyncAdapter, "linkField">, fresh: Extract<MappedRecord, { ok: true }>[]): Promise<Map<string, string[]>> {
  const keys = new Set(fresh.map((r) => duplicateKey(r.values)).filter((k): k is string => k !== null));
  const dobs = [...new Set(fresh.map((r) => r.values.dob).filter((d): d is string => Boolean(d)))];
  const out = new Map<string, string[]>();
  if (!keys.size || !dobs.length) return out;
  const filters: Filter[] = [{ field: "dob", operator: "in", value: dobs }];
  if (adapter.linkField) filters.push({ field: adapter.linkField, operator: "=", value: null });
  const rows = await scoped.list("Client", { fields: ["name", "first_name", "last_name", "dob"], filters, limit: 0 });
  const names = rows.map((r) => String(r.name));
  // A client already linked to a record of this source is nobody's duplicate.
  const linked = names.length ? new Set((await tx.select({ client: syncState.client }).from(syncState).where(and(eq(syncState.source, source), inArray(syncState.client, names)))).map((r) => r.client)) : new Set<string>();
  for (const row of rows) {
    const key = duplicateKey(row);
    if (!key || !keys.has(key) || linked.has(String(row.name))) continue;
    out.set(key, [...(out.get(key) ?? []), String(row.name)]);
  }
  return out;
}

export async function loadAlreadyInRun(tx: Executor, run: string, externalIds: string[]): Promise<Set<string>> {
  if (!externalIds.length) return new Set();
  const rows = await tx.select({ externalId: syncChanges.externalId }).from(syncChanges).where(and(eq(syncChanges.run, run), inArray(syncChanges.externalId, externalIds)));
  return new Set(rows.map((r) => String(r.externalId)));
}
