/**
 * The sync engine's one door to its own bookkeeping tables (`sync_*`): sources, runs, change records,
 * review queues, sync state and the webhook inbox. These are system-level records of what the engine
 * did — like the job queue's own state — so they are read and written unscoped, here only. Access to
 * them is checked by the sync services (`assertSyncOperator`). Client rows are never written through
 * this handle: they go through a ScopedDb bound to the same transaction (permission-checked, audited).
 */
import { sql } from "drizzle-orm";
import type { Executor } from "@orchestrator/db";
// eslint-disable-next-line no-restricted-imports -- see above: sync bookkeeping is system-level; client writes use ScopedDb
import { unsafeSystemDb } from "@orchestrator/db/system";

export type { Executor };

export function syncDb(): Executor {
  return unsafeSystemDb();
}

/** Next name of a naming series, as the data layer names documents (`SR-00042`); see db's naming.ts. */
export async function nextSeriesName(exec: Executor, prefix: string, digits: number): Promise<string> {
  await exec.execute(sql`INSERT INTO naming_series (prefix, current) VALUES (${prefix}, LAST_INSERT_ID(1)) ON DUPLICATE KEY UPDATE current = LAST_INSERT_ID(current + 1)`);
  const [rows] = (await exec.execute(sql`SELECT LAST_INSERT_ID() AS n`)) as unknown as [{ n: number | string }[]];
  return `${prefix}${String(Number(rows[0]?.n)).padStart(digits, "0")}`;
}
