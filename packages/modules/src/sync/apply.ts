import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { AppErrorCode, isAppError, ScopedDb, type Principal, type RequestMeta } from "@orchestrator/db";
import { syncChanges, syncConflicts, syncDuplicates, syncState } from "@orchestrator/db/schema";
import { registry } from "../registry";
import { syncedFields, type SyncAdapter, type SyncedValues } from "./adapter";
import type { StateRow } from "./load-page";
import type { RecordPlan } from "./plan";
import { dbTime } from "./sources";
import type { Executor } from "./store";

/**
 * Applies a page's plans inside the page's transaction. Each record runs in a savepoint: a record
 * the Client's own rules refuse (a validation error) becomes an error change and the rest of the
 * page goes on; anything else fails the page, which then commits nothing.
 * A dry run writes only its report (the change rows of its run): no client, audit, state, conflict
 * or duplicate row.
 */

export interface PageCounts {
  imported: number;
  updated: number;
  skipped: number;
  conflicts: number;
  duplicates: number;
  errors: number;
  removed: number;
}

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

async function recordChange(tx: Executor, change: Omit<ChangeInsert, "creation">): Promise<void> {
  await tx.insert(syncChanges).values({ ...change, creation: dbTime() });
}

async function upsertState(ctx: ApplyContext, tx: Executor, externalId: string, client: string, values: SyncedValues, changeMarker: string): Promise<void> {
  const now = dbTime();
  await tx
    .insert(syncState)
    .values({ source: ctx.source, externalId, client, values, changeMarker, run: ctx.run, syncedAt: now })
    .onDuplicateKeyUpdate({ set: { client, values, changeMarker, run: ctx.run, syncedAt: now } });
}

function validationReason(error: unknown): string | null {
  if (!isAppError(error) || error.code !== AppErrorCode.Validation) return null;
  // Field names and our own rule texts only: never the refused values.
  return error.fieldErrors.length ? error.fieldErrors.map((e) => `${e.field}: ${e.message}`).join("; ") : "refused by the Client's validation";
}

/** Runs one record's writes in a savepoint; a validation refusal is returned as the record's error. */
async function inSavepoint(ctx: ApplyContext, fn: (scoped: ScopedDb, tx: Executor) => Promise<void>): Promise<string | null> {
  try {
    await ctx.tx.transaction(async (sp) => fn(new ScopedDb(ctx.principal, ctx.meta, registry, sp), sp));
    return null;
  } catch (error) {
    const reason = validationReason(error);
    if (reason === null) throw error;
    return reason;
  }
}

async function applyCreate(ctx: ApplyContext, plan: Extract<RecordPlan, { action: "create" }>, counts: PageCounts): Promise<void> {
  const now = dbTime();
  const server: Record<string, unknown> = ctx.adapter.linkField ? { [ctx.adapter.linkField]: plan.externalId, synced_from_kipu: 1, kipu_last_synced_at: now } : {};
  const after = { ...plan.values, department: ctx.department, ...server };
  if (ctx.dryRun) {
    await recordChange(ctx.tx, { run: ctx.run, source: ctx.source, externalId: plan.externalId, action: "create", afterImage: after, fieldsChanged: Object.keys(after) });
    counts.imported += 1;
    return;
  }
  const refused = await inSavepoint(ctx, async (scoped, tx) => {
    const doc = await scoped.insert("Client", { ...plan.values, department: ctx.department }, { serverValues: server });
    await upsertState(ctx, tx, plan.externalId, doc.name, plan.values, plan.changeMarker);
    await recordChange(tx, { run: ctx.run, source: ctx.source, client: doc.name, externalId: plan.externalId, action: "create", afterImage: after, fieldsChanged: Object.keys(after), stateBefore: stateImage(ctx.states.get(plan.externalId)) });
  });
  if (refused === null) counts.imported += 1;
  else await recordError(ctx, plan.externalId, refused, counts);
}

async function applyUpdate(ctx: ApplyContext, plan: Extract<RecordPlan, { action: "update" }>, counts: PageCounts): Promise<void> {
  const now = dbTime();
  const server: Record<string, unknown> = {};
  const writes = Object.keys(plan.set).length > 0 || plan.unremove;
  if (ctx.adapter.linkField && writes) server.kipu_last_synced_at = now;
  if (plan.unremove) server.kipu_removed_at = null;
  const after = { ...plan.set, ...server };
  const fieldsChanged = [...Object.keys(plan.set), ...(plan.unremove ? ["kipu_removed_at"] : [])];
  const change: Omit<ChangeInsert, "creation"> = {
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
    await recordChange(ctx.tx, change);
    count();
    return;
  }
  const refused = await inSavepoint(ctx, async (scoped, tx) => {
    // `modified` as read: a user's save in between is a CONFLICT that fails the page (retried), never overwritten.
    if (writes) await scoped.update("Client", plan.local.name, plan.set, { expectedModified: plan.local.modified, serverValues: server });
    for (const conflict of plan.conflicts) {
      const stamp = dbTime();
      await tx
        .insert(syncConflicts)
        .values({ name: randomUUID(), source: ctx.source, client: plan.local.name, field: conflict.field, localValue: { value: conflict.local }, sourceValue: { value: conflict.source }, run: ctx.run, status: "open", creation: stamp, modified: stamp, owner: ctx.principal.user, modifiedBy: ctx.principal.user })
        // Already open for this field: it now shows the newest values on both sides.
        .onDuplicateKeyUpdate({ set: { localValue: { value: conflict.local }, sourceValue: { value: conflict.source }, modified: stamp } });
    }
    await upsertState(ctx, tx, plan.externalId, plan.local.name, plan.values, plan.changeMarker);
    await recordChange(tx, change);
  });
  if (refused === null) count();
  else await recordError(ctx, plan.externalId, refused, counts, plan.local.name);
}

async function applyRemove(ctx: ApplyContext, plan: Extract<RecordPlan, { action: "remove" }>, counts: PageCounts): Promise<void> {
  const change: Omit<ChangeInsert, "creation"> = { run: ctx.run, source: ctx.source, client: plan.local.name, externalId: plan.externalId, action: "remove", beforeImage: beforeImage(plan.local.row), afterImage: { kipu_removed_at: plan.removedAt }, fieldsChanged: ["kipu_removed_at"] };
  if (!ctx.dryRun) {
    const refused = await inSavepoint(ctx, async (scoped, tx) => {
      await scoped.update("Client", plan.local.name, {}, { expectedModified: plan.local.modified, serverValues: { kipu_removed_at: plan.removedAt } });
      await recordChange(tx, change);
    });
    if (refused !== null) return recordError(ctx, plan.externalId, refused, counts, plan.local.name);
  } else {
    await recordChange(ctx.tx, change);
  }
  counts.removed += 1;
}

async function applyDuplicate(ctx: ApplyContext, plan: Extract<RecordPlan, { action: "duplicate" }>, counts: PageCounts): Promise<void> {
  if (!ctx.dryRun) {
    for (const client of plan.candidates) {
      const stamp = dbTime();
      await ctx.tx
        .insert(syncDuplicates)
        .values({ name: randomUUID(), source: ctx.source, externalId: plan.externalId, client, sourceValues: plan.values, changeMarker: plan.changeMarker, run: ctx.run, status: "open", creation: stamp, modified: stamp, owner: ctx.principal.user, modifiedBy: ctx.principal.user })
        .onDuplicateKeyUpdate({ set: { sourceValues: plan.values, changeMarker: plan.changeMarker, modified: stamp } });
    }
  }
  await recordChange(ctx.tx, { run: ctx.run, source: ctx.source, client: plan.candidates[0] ?? null, externalId: plan.externalId, action: "duplicate", afterImage: plan.values, fieldsChanged: [] });
  counts.duplicates += 1;
}

async function recordError(ctx: ApplyContext, externalId: string | null, reason: string, counts: PageCounts, client: string | null = null): Promise<void> {
  await recordChange(ctx.tx, { run: ctx.run, source: ctx.source, client, externalId, action: "error", errorReason: reason.slice(0, 1000) });
  counts.errors += 1;
}

async function applySkip(ctx: ApplyContext, plan: Extract<RecordPlan, { action: "skip" }>, counts: PageCounts): Promise<void> {
  counts.skipped += 1;
  // Same values under a newer marker: remember the marker so the next run skips it without comparing.
  if (!ctx.dryRun && plan.refresh && plan.client) await upsertState(ctx, ctx.tx, plan.externalId, plan.client, plan.refresh.values, plan.refresh.changeMarker);
}

export async function applyPlans(ctx: ApplyContext, plans: RecordPlan[]): Promise<PageCounts> {
  const counts = zeroCounts();
  for (const plan of plans) {
    switch (plan.action) {
      case "error":
        await recordError(ctx, plan.externalId, plan.reason, counts);
        break;
      case "skip":
        await applySkip(ctx, plan, counts);
        break;
      case "create":
        await applyCreate(ctx, plan, counts);
        break;
      case "update":
        await applyUpdate(ctx, plan, counts);
        break;
      case "remove":
        await applyRemove(ctx, plan, counts);
        break;
      case "duplicate":
        await applyDuplicate(ctx, plan, counts);
        break;
    }
  }
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
