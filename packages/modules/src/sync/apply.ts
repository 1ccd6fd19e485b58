import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { AppErrorCode, insertRows, isAppError, ScopedDb, type Principal, type RequestMeta } from "@orchestrator/db";
import { syncChanges, syncConflicts, syncDuplicates, syncState } from "@orchestrator/db/schema";
import { registry } from "../registry";
import { syncedFields, type SyncAdapter, type SyncedValues } from "./adapter";
import type { StateRow } from "./load-page";
import type { RecordPlan } from "./plan";
import type { SyncCounts } from "./runs";
import { dbTime } from "./sources";
import type { Executor } from "./store";

/**
 * Applies a page's plans inside the page's transaction, in few statements: the page's new clients
 * go in as one batch through the scoped layer (`ScopedDb.insertMany`: permission-checked, validated
 * and audited per client, multi-row INSERTs), its change records and sync state as multi-row INSERTs
 * at the end. Updates and removals are written one by one (each scoped update runs in its own
 * savepoint). A record the Client's own rules refuse (a validation error) becomes an error change and
 * the rest of the page goes on; anything else fails the page, which then commits nothing.
 * A dry run writes only its report (the change rows of its run): no client, audit, state, conflict
 * or duplicate row.
 */

/** What one page did: the run's counts, per page. */
export type PageCounts = SyncCounts;

export const zeroCounts = (): PageCounts => ({ imported: 0, updated: 0, skipped: 0, conflicts: 0, duplicates: 0, errors: 0, removed: 0 });

export interface ApplyContext {
  tx: Executor;
  principal: Principal;
  meta: RequestMeta;
  run: string;
  source: string;
  dryRun: boolean;
  adapter: Pick<SyncAdapter, "linkField">;
  /** Department of clients the sync creates. */
  department: string;
  states: ReadonlyMap<string, StateRow>;
}

type ChangeInsert = typeof syncChanges.$inferInsert;
type Change = Omit<ChangeInsert, "creation">;
type StateInsert = typeof syncState.$inferInsert;

/** Rows per multi-row INSERT of change records and sync state. */
const CHUNK = 500;

/** What a page writes at its end: change records in plan order (a slot per plan) and sync state. */
interface PageWrites {
  changes: (Change | undefined)[];
  states: StateInsert[];
}

/** The sync's columns besides the synced fields: part of before-images so a rollback restores them too. */
const SYNC_COLUMNS = ["kipu_id", "kipu_last_synced_at", "synced_from_kipu", "kipu_removed_at"] as const;

function beforeImage(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of [...syncedFields, ...SYNC_COLUMNS]) out[key] = row[key] ?? null;
  return out;
}

function stateImage(state: StateRow | undefined): Record<string, unknown> | null {
  return state ? { client: state.client, values: state.values, changeMarker: state.changeMarker, run: state.run, syncedAt: state.syncedAt } : null;
}

function stateRow(ctx: ApplyContext, externalId: string, client: string, values: SyncedValues, changeMarker: string): StateInsert {
  return { source: ctx.source, externalId, client, values, changeMarker, run: ctx.run, syncedAt: dbTime() };
}

function validationReason(error: unknown): string | null {
  if (!isAppError(error) || error.code !== AppErrorCode.Validation) return null;
  // Field names and our own rule texts only: never the refused values.
  return error.fieldErrors.length ? error.fieldErrors.map((e) => `${e.field}: ${e.message}`).join("; ") : "refused by the Client's validation";
}

/** Runs one record's scoped write (in its own savepoint); a validation refusal is returned as the record's error. */
async function refusedBy(write: () => Promise<unknown>): Promise<string | null> {
  try {
    await write();
    return null;
  } catch (error) {
    const reason = validationReason(error);
    if (reason === null) throw error;
    return reason;
  }
}

function errorChange(ctx: ApplyContext, externalId: string | null, reason: string, counts: PageCounts, client: string | null = null): Change {
  counts.errors += 1;
  return { run: ctx.run, source: ctx.source, client, externalId, action: "error", errorReason: reason.slice(0, 1000) };
}

/** The page's creates as one scoped batch: every client permission-checked, validated and audited as by `insert`. */
async function applyCreates(ctx: ApplyContext, creates: { slot: number; plan: Extract<RecordPlan, { action: "create" }> }[], counts: PageCounts, out: PageWrites): Promise<void> {
  const now = dbTime();
  const server = (externalId: string): Record<string, unknown> => (ctx.adapter.linkField ? { [ctx.adapter.linkField]: externalId, synced_from_kipu: 1, kipu_last_synced_at: now } : {});
  const afterOf = (plan: Extract<RecordPlan, { action: "create" }>) => ({ ...plan.values, department: ctx.department, ...server(plan.externalId) });
  if (ctx.dryRun) {
    for (const { slot, plan } of creates) {
      const after = afterOf(plan);
      out.changes[slot] = { run: ctx.run, source: ctx.source, externalId: plan.externalId, action: "create", afterImage: after, fieldsChanged: Object.keys(after) };
      counts.imported += 1;
    }
    return;
  }
  const scoped = new ScopedDb(ctx.principal, ctx.meta, registry, ctx.tx);
  const outcomes = await scoped.insertMany(
    "Client",
    creates.map(({ plan }) => ({ body: { ...plan.values, department: ctx.department }, serverValues: server(plan.externalId) })),
  );
  outcomes.forEach((outcome, i) => {
    const { slot, plan } = creates[i]!;
    if (!outcome.ok) {
      out.changes[slot] = errorChange(ctx, plan.externalId, validationReason(outcome.error) ?? "refused by the Client's validation", counts);
      return;
    }
    const after = afterOf(plan);
    out.states.push(stateRow(ctx, plan.externalId, outcome.name, plan.values, plan.changeMarker));
    out.changes[slot] = { run: ctx.run, source: ctx.source, client: outcome.name, externalId: plan.externalId, action: "create", afterImage: after, fieldsChanged: Object.keys(after), stateBefore: stateImage(ctx.states.get(plan.externalId)) };
    counts.imported += 1;
  });
}

async function applyUpdate(ctx: ApplyContext, plan: Extract<RecordPlan, { action: "update" }>, counts: PageCounts): Promise<{ change: Change; state: StateInsert | null }> {
  const now = dbTime();
  const server: Record<string, unknown> = {};
  const writes = Object.keys(plan.set).length > 0 || plan.unremove;
  if (ctx.adapter.linkField && writes) server.kipu_last_synced_at = now;
  if (plan.unremove) server.kipu_removed_at = null;
  const after = { ...plan.set, ...server };
  const fieldsChanged = [...Object.keys(plan.set), ...(plan.unremove ? ["kipu_removed_at"] : [])];
  const change: Change = {
    run: ctx.run,
    source: ctx.source,
    client: plan.local.name,
    externalId: plan.externalId,
    action: fieldsChanged.length ? "update" : "conflict",
    beforeImage: beforeImage(plan.local.row),
    afterImage: after,
    fieldsChanged,
    conflictFields: plan.conflicts.map((c) => c.field),
    stateBefore: stateImage(ctx.states.get(plan.externalId)),
  };
  const count = () => {
    if (fieldsChanged.length) counts.updated += 1;
    if (plan.conflicts.length) counts.conflicts += 1;
  };
  if (ctx.dryRun) {
    count();
    return { change, state: null };
  }
  const scoped = new ScopedDb(ctx.principal, ctx.meta, registry, ctx.tx);
  // `modified` as read: a user's save in between is a CONFLICT that fails the page (retried), never overwritten.
  const refused = writes ? await refusedBy(() => scoped.update("Client", plan.local.name, plan.set, { expectedModified: plan.local.modified, serverValues: server })) : null;
  if (refused !== null) return { change: errorChange(ctx, plan.externalId, refused, counts, plan.local.name), state: null };
  for (const conflict of plan.conflicts) {
    const stamp = dbTime();
    await ctx.tx
      .insert(syncConflicts)
      .values({ name: randomUUID(), source: ctx.source, client: plan.local.name, field: conflict.field, localValue: { value: conflict.local }, sourceValue: { value: conflict.source }, run: ctx.run, status: "open", creation: stamp, modified: stamp, owner: ctx.principal.user, modifiedBy: ctx.principal.user })
      // Already open for this field: it now shows the newest values on both sides.
      .onDuplicateKeyUpdate({ set: { localValue: { value: conflict.local }, sourceValue: { value: conflict.source }, modified: stamp } });
  }
  count();
  return { change, state: stateRow(ctx, plan.externalId, plan.local.name, plan.values, plan.changeMarker) };
}

async function applyRemove(ctx: ApplyContext, plan: Extract<RecordPlan, { action: "remove" }>, counts: PageCounts): Promise<Change> {
  const change: Change = { run: ctx.run, source: ctx.source, client: plan.local.name, externalId: plan.externalId, action: "remove", beforeImage: beforeImage(plan.local.row), afterImage: { kipu_removed_at: plan.removedAt }, fieldsChanged: ["kipu_removed_at"] };
  if (!ctx.dryRun) {
    const scoped = new ScopedDb(ctx.principal, ctx.meta, registry, ctx.tx);
    const refused = await refusedBy(() => scoped.update("Client", plan.local.name, {}, { expectedModified: plan.local.modified, serverValues: { kipu_removed_at: plan.removedAt } }));
    if (refused !== null) return errorChange(ctx, plan.externalId, refused, counts, plan.local.name);
  }
  counts.removed += 1;
  return change;
}

async function applyDuplicate(ctx: ApplyContext, plan: Extract<RecordPlan, { action: "duplicate" }>, counts: PageCounts): Promise<Change> {
  if (!ctx.dryRun) {
    for (const client of plan.candidates) {
      const stamp = dbTime();
      await ctx.tx
        .insert(syncDuplicates)
        .values({ name: randomUUID(), source: ctx.source, externalId: plan.externalId, client, sourceValues: plan.values, changeMarker: plan.changeMarker, run: ctx.run, status: "open", creation: stamp, modified: stamp, owner: ctx.principal.user, modifiedBy: ctx.principal.user })
        .onDuplicateKeyUpdate({ set: { sourceValues: plan.values, changeMarker: plan.changeMarker, modified: stamp } });
    }
  }
  counts.duplicates += 1;
  return { run: ctx.run, source: ctx.source, client: plan.candidates[0] ?? null, externalId: plan.externalId, action: "duplicate", afterImage: plan.values, fieldsChanged: [] };
}

/** The page's change records (in plan order) and sync state, as multi-row INSERTs. */
async function flush(ctx: ApplyContext, out: PageWrites): Promise<void> {
  const creation = dbTime();
  const changes = out.changes.filter((c): c is Change => c !== undefined).map((c) => ({ ...c, creation }));
  await insertRows(ctx.tx, syncChanges, changes, { chunk: CHUNK });
  await insertRows(ctx.tx, syncState, out.states, { chunk: CHUNK, update: ["client", "values", "changeMarker", "run", "syncedAt"] });
}

export async function applyPlans(ctx: ApplyContext, plans: RecordPlan[]): Promise<PageCounts> {
  const counts = zeroCounts();
  const out: PageWrites = { changes: new Array<Change | undefined>(plans.length), states: [] };
  const creates: { slot: number; plan: Extract<RecordPlan, { action: "create" }> }[] = [];
  for (const [slot, plan] of plans.entries()) {
    switch (plan.action) {
      case "error":
        out.changes[slot] = errorChange(ctx, plan.externalId, plan.reason, counts);
        break;
      case "skip":
        counts.skipped += 1;
        // Same values under a newer marker: remember the marker so the next run skips it without comparing.
        if (!ctx.dryRun && plan.refresh && plan.client) out.states.push(stateRow(ctx, plan.externalId, plan.client, plan.refresh.values, plan.refresh.changeMarker));
        break;
      case "create":
        creates.push({ slot, plan });
        break;
      case "update": {
        const { change, state } = await applyUpdate(ctx, plan, counts);
        out.changes[slot] = change;
        if (state) out.states.push(state);
        break;
      }
      case "remove":
        out.changes[slot] = await applyRemove(ctx, plan, counts);
        break;
      case "duplicate":
        out.changes[slot] = await applyDuplicate(ctx, plan, counts);
        break;
    }
  }
  if (creates.length) await applyCreates(ctx, creates, counts, out);
  await flush(ctx, out);
  return counts;
}
/** Adds a page's counts to its run (inside the page's transaction). */
export function addCounts(counts: PageCounts) {
  const col = (name: string, n: number) => sql`${sql.identifier(name)} + ${n}`;
  return {
    imported: col("imported", counts.imported),
    updated: col("updated", counts.updated),
    skipped: col("skipped", counts.skipped),
    conflicts: col("conflicts", counts.conflicts),
    duplicates: col("duplicates", counts.duplicates),
    errors: col("errors", counts.errors),
    removed: col("removed", counts.removed),
  };
}
