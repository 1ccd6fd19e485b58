import { asc, eq, inArray } from "drizzle-orm";
import { AppError, type Principal } from "@orchestrator/db";
import { conflictPolicies, syncRuns, syncSources, type ConflictPolicy } from "@orchestrator/db/schema";
import { z } from "zod";
import { syncedFields, type SourceHealth } from "./adapter";
import { adapterFactoryFromEnv, type AdapterFactory } from "./adapters";
import { assertSyncOperator } from "./permissions";
import { runSummary, type SyncRunSummary } from "./runs";
import { dbTime, ensureSource, KIPU_SOURCE, loadSource, type SyncSourceRow } from "./sources";
import { syncDb } from "./store";

export interface SyncSourceSummary {
  name: string;
  kind: SyncSourceRow["kind"];
  enabled: boolean;
  status: SyncSourceRow["status"];
  status_message: string | null;
  disabled_endpoints: string[];
  conflict_policy: Record<string, ConflictPolicy>;
  department: string;
  high_water_mark: string | null;
  next_attempt_at: string | null;
  consecutive_failures: number;
  last_success_at: string | null;
  /** The run (or `rollback:<run>`) holding the source now. */
  running_run: string | null;
  last_run: SyncRunSummary | null;
  /** A live check of the source, when asked for. */
  health?: SourceHealth;
}

function summary(row: SyncSourceRow, lastRun: SyncRunSummary | null): SyncSourceSummary {
  return {
    name: row.name,
    kind: row.kind,
    enabled: Boolean(row.enabled),
    status: row.status,
    status_message: row.statusMessage,
    disabled_endpoints: row.disabledEndpoints ?? [],
    conflict_policy: Object.fromEntries(syncedFields.map((f) => [f, row.conflictPolicy?.[f] ?? "review"])),
    department: row.department,
    high_water_mark: row.highWaterMark,
    next_attempt_at: row.nextAttemptAt,
    consecutive_failures: row.consecutiveFailures,
    last_success_at: row.lastSuccessAt,
    running_run: row.runningRun,
    last_run: lastRun,
  };
}

/** Every source with its status and last run; `health: true` also asks each source (one light call each). */
export async function listSyncSources(principal: Principal, options: { health?: boolean; adapterFor?: AdapterFactory } = {}): Promise<SyncSourceSummary[]> {
  assertSyncOperator(principal);
  const db = syncDb();
  await ensureSource(db, KIPU_SOURCE, "kipu");
  const rows = await db.select().from(syncSources).orderBy(asc(syncSources.name));
  const runNames = rows.map((r) => r.lastRun).filter((n): n is string => Boolean(n));
  const runs = runNames.length ? await db.select().from(syncRuns).where(inArray(syncRuns.name, runNames)) : [];
  const byName = new Map(runs.map((r) => [r.name, runSummary(r)]));
  const out = rows.map((row) => summary(row, row.lastRun ? (byName.get(row.lastRun) ?? null) : null));
  if (options.health) {
    const adapterFor = options.adapterFor ?? adapterFactoryFromEnv();
    await Promise.all(
      out.map(async (s, i) => {
        try {
          s.health = await adapterFor(rows[i]!).health(AbortSignal.timeout(10_000));
        } catch (error) {
          s.health = { ok: false, latencyMs: 0, message: error instanceof Error ? error.message : "unavailable", totalRecords: null };
        }
      }),
    );
  }
  return out;
}

export const updateSyncSourceInput = z.strictObject({
  enabled: z.boolean().optional(),
  department: z.string().min(1).max(140).optional(),
  conflict_policy: z.partialRecord(z.enum(syncedFields), z.enum(conflictPolicies)).optional(),
  /** Call again the endpoints disabled after a 410. */
  reenable_endpoints: z.boolean().optional(),
  /** Clear a stopped (403) or backing-off (401) status, e.g. after fixing the credentials. */
  reset_status: z.boolean().optional(),
});
export type UpdateSyncSourceInput = z.infer<typeof updateSyncSourceInput>;

export async function updateSyncSource(name: string, input: UpdateSyncSourceInput, principal: Principal): Promise<SyncSourceSummary> {
  assertSyncOperator(principal);
  const patch = updateSyncSourceInput.parse(input);
  const db = syncDb();
  const row = await loadSource(db, name);
  if (!row) throw AppError.notFound("Sync Source", name);
  await db
    .update(syncSources)
    .set({
      ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
      ...(patch.department ? { department: patch.department } : {}),
      ...(patch.conflict_policy ? { conflictPolicy: { ...(row.conflictPolicy ?? {}), ...patch.conflict_policy } } : {}),
      ...(patch.reenable_endpoints ? { disabledEndpoints: [] } : {}),
      ...(patch.reset_status ? { status: "ok" as const, statusMessage: null, nextAttemptAt: null, consecutiveFailures: 0 } : {}),
      modified: dbTime(),
      modifiedBy: principal.user,
    })
    .where(eq(syncSources.name, name));
  const [updated] = await listSyncSources(principal).then((all) => all.filter((s) => s.name === name));
  return updated!;
}
