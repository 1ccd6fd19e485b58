import type { ConflictPolicy } from "@orchestrator/db/schema";
import { syncedFields, type MappedRecord, type MappedRemoval, type SyncedField, type SyncedValues } from "./adapter";
import { duplicateKey, sameValue, syncedValuesOf } from "./values";

/**
 * The diff of one page, computed without writing anything: what a real run applies and what a dry
 * run reports. Pure — everything it needs is loaded beforehand (load-page.ts).
 */

/** A local client matched to a source record. */
export interface LocalClient {
  name: string;
  modified: string;
  /** The row as read (synced fields plus the sync's own columns), kept as the change's before-image. */
  row: Record<string, unknown>;
}

/** What the sync last saw of a record (sync_state). */
export interface LinkState {
  client: string;
  values: Record<string, unknown>;
  changeMarker: string | null;
}

export interface FieldConflict {
  field: SyncedField;
  local: unknown;
  source: unknown;
}

export type RecordPlan =
  | { action: "error"; externalId: string | null; reason: string }
  | { action: "skip"; externalId: string; reason: "unchanged" | "same values" | "already in this run"; client: string | null; refresh: { values: SyncedValues; changeMarker: string } | null }
  | { action: "create"; externalId: string; values: SyncedValues; changeMarker: string }
  | { action: "duplicate"; externalId: string; values: SyncedValues; changeMarker: string; candidates: string[] }
  | {
      action: "update";
      externalId: string;
      local: LocalClient;
      /** Fields to write (the source's values). */
      set: Partial<SyncedValues>;
      /** Fields both sides changed, held for review (not written). */
      conflicts: FieldConflict[];
      /** The record was flagged removed and is back in the source: clear the flag. */
      unremove: boolean;
      /** The new "last synced" values and marker. */
      values: SyncedValues;
      changeMarker: string;
    }
  | { action: "remove"; externalId: string; local: LocalClient; removedAt: string };

export interface PagePlanInput {
  records: MappedRecord[];
  /** Local clients linked to the page's records, by external id. */
  locals: ReadonlyMap<string, LocalClient>;
  states: ReadonlyMap<string, LinkState>;
  /** Unlinked local clients by duplicate key (normalised name + dob). */
  candidates: ReadonlyMap<string, string[]>;
  /** External ids this run already recorded a change for (an earlier page, a shifted page). */
  alreadyInRun: ReadonlySet<string>;
  policy: (field: SyncedField) => ConflictPolicy;
}

/**
 * Field by field, against the values last synced (the baseline):
 * - source value equal to the local one: nothing to do;
 * - source unchanged since the baseline: the difference is a local edit — kept;
 * - source changed, local unchanged (or no baseline yet): the source's value is written;
 * - both changed: the field's policy decides — `source_wins` writes, `local_wins` keeps, `review`
 *   records a conflict and keeps the local value until someone resolves it.
 */
export function planUpdate(record: Extract<MappedRecord, { ok: true }>, local: LocalClient, state: LinkState | undefined, policy: PagePlanInput["policy"]): RecordPlan {
  if (state?.changeMarker && record.changeMarker <= state.changeMarker) {
    return { action: "skip", externalId: record.externalId, reason: "unchanged", client: local.name, refresh: null };
  }
  const current = syncedValuesOf(local.row);
  const baseline = state ? syncedValuesOf(state.values) : undefined;
  const set: Partial<Record<SyncedField, unknown>> = {};
  const conflicts: FieldConflict[] = [];
  for (const field of syncedFields) {
    const source = record.values[field];
    const here = current[field];
    if (sameValue(source, here)) continue;
    if (baseline && sameValue(source, baseline[field])) continue;
    const localChanged = baseline !== undefined && !sameValue(here, baseline[field]);
    if (!localChanged) {
      set[field] = source;
      continue;
    }
    const rule = policy(field);
    if (rule === "source_wins") set[field] = source;
    else if (rule === "review") conflicts.push({ field, local: here, source });
  }
  const unremove = Boolean(local.row.kipu_removed_at);
  if (!Object.keys(set).length && !conflicts.length && !unremove) {
    return { action: "skip", externalId: record.externalId, reason: "same values", client: local.name, refresh: { values: record.values, changeMarker: record.changeMarker } };
  }
  return { action: "update", externalId: record.externalId, local, set: set as Partial<SyncedValues>, conflicts, unremove, values: record.values, changeMarker: record.changeMarker };
}

export function planPage(input: PagePlanInput): RecordPlan[] {
  // A record listed twice on a page: its newest version counts.
  const latest = new Map<string, Extract<MappedRecord, { ok: true }>>();
  const plans: RecordPlan[] = [];
  const failed = new Set<string>();
  for (const record of input.records) {
    if (!record.ok) {
      // One change row per record and run: a record refused twice (on this page or an earlier one) is reported once.
      if (record.externalId !== null && (failed.has(record.externalId) || input.alreadyInRun.has(record.externalId))) continue;
      if (record.externalId !== null) failed.add(record.externalId);
      plans.push({ action: "error", externalId: record.externalId, reason: record.reason });
      continue;
    }
    const seen = latest.get(record.externalId);
    if (!seen || record.changeMarker > seen.changeMarker) latest.set(record.externalId, record);
  }
  for (const id of failed) latest.delete(id);
  for (const record of latest.values()) {
    if (input.alreadyInRun.has(record.externalId)) {
      plans.push({ action: "skip", externalId: record.externalId, reason: "already in this run", client: input.locals.get(record.externalId)?.name ?? null, refresh: null });
      continue;
    }
    const local = input.locals.get(record.externalId);
    if (local) {
      plans.push(planUpdate(record, local, input.states.get(record.externalId), input.policy));
      continue;
    }
    const key = duplicateKey(record.values);
    const candidates = key ? (input.candidates.get(key) ?? []) : [];
    plans.push(candidates.length ? { action: "duplicate", externalId: record.externalId, values: record.values, changeMarker: record.changeMarker, candidates } : { action: "create", externalId: record.externalId, values: record.values, changeMarker: record.changeMarker });
  }
  return plans;
}

/** Removed at the source: linked clients not yet flagged are flagged; unknown records are ignored. */
export function planRemovals(removals: MappedRemoval[], locals: ReadonlyMap<string, LocalClient>, alreadyInRun: ReadonlySet<string>): RecordPlan[] {
  const plans: RecordPlan[] = [];
  for (const removal of removals) {
    if (!removal.ok) {
      plans.push({ action: "error", externalId: removal.externalId, reason: removal.reason });
      continue;
    }
    const local = locals.get(removal.externalId);
    if (!local || local.row.kipu_removed_at || alreadyInRun.has(removal.externalId)) continue;
    plans.push({ action: "remove", externalId: removal.externalId, local, removedAt: removal.removedAt });
  }
  return plans;
}
