/**
 * What the fault tests read back from the database after a sync run: the run row, the synced
 * clients, the run's change records and its audit rows. Plain reads over the unscoped client.
 */
import { and, asc, count, countDistinct, eq, isNotNull } from "drizzle-orm";
import { mergeGrants, seededRoleMatrix, type Principal } from "@orchestrator/db";
import { schema as s, unsafeSystemDb } from "@orchestrator/db/system";

/** The demo Super Admin as a principal (the seeded role matrix), the actor of the tests' manual runs. */
export function adminPrincipal(): Principal {
  const rows = Object.entries(seededRoleMatrix["Super Admin"]).map(([category, grant]) => ({ category, access: grant!.access, scope: grant!.scope }));
  return { user: "admin@demo.orchestrator.test", fullName: "Super Admin", roles: ["Super Admin"], departments: ["Administration"], grants: mergeGrants(rows) };
}

export type SyncRunRow = typeof s.syncRuns.$inferSelect;

export async function runRow(run: string): Promise<SyncRunRow> {
  const [row] = await unsafeSystemDb().select().from(s.syncRuns).where(eq(s.syncRuns.name, run)).limit(1);
  if (!row) throw new Error(`no sync run ${run}`);
  return row;
}

export const pagesDone = (row: SyncRunRow) => row.checkpoint?.pagesDone ?? 0;

/** Every client that has a kipu_id (demo data has a few of its own), sorted by name. */
export async function clientsWithKipuId(): Promise<{ name: string; kipuId: string }[]> {
  const rows = await unsafeSystemDb().select({ name: s.clients.name, kipuId: s.clients.kipuId }).from(s.clients).where(isNotNull(s.clients.kipuId));
  return rows.map((r) => ({ name: r.name, kipuId: r.kipuId! })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The run's change records per action: `{ create: n, … }`, and how many distinct external ids the creates name. */
export async function changeCounts(run: string): Promise<{ byAction: Record<string, number>; distinctCreated: number; createdClients: string[] }> {
  const db = unsafeSystemDb();
  const grouped = await db.select({ action: s.syncChanges.action, n: count() }).from(s.syncChanges).where(eq(s.syncChanges.run, run)).groupBy(s.syncChanges.action);
  const [distinct] = await db.select({ n: countDistinct(s.syncChanges.externalId) }).from(s.syncChanges).where(and(eq(s.syncChanges.run, run), eq(s.syncChanges.action, "create")));
  const clients = await db.select({ client: s.syncChanges.client }).from(s.syncChanges).where(and(eq(s.syncChanges.run, run), eq(s.syncChanges.action, "create"))).orderBy(asc(s.syncChanges.client));
  return {
    byAction: Object.fromEntries(grouped.map((g) => [g.action, Number(g.n)])),
    distinctCreated: Number(distinct?.n ?? 0),
    createdClients: clients.map((c) => c.client ?? "(none)").sort(),
  };
}

/** The audit trail's Client rows written under the run's request id (`sync:<run>`), per action, and the created docnames. */
export async function auditOf(run: string): Promise<{ byAction: Record<string, number>; createdDocnames: string[] }> {
  const db = unsafeSystemDb();
  const where = and(eq(s.versions.requestId, `sync:${run}`), eq(s.versions.refDoctype, "Client"));
  const grouped = await db.select({ action: s.versions.action, n: count() }).from(s.versions).where(where).groupBy(s.versions.action);
  const created = await db.select({ docname: s.versions.docname }).from(s.versions).where(and(where, eq(s.versions.action, "create"))).orderBy(asc(s.versions.docname));
  return { byAction: Object.fromEntries(grouped.map((g) => [g.action, Number(g.n)])), createdDocnames: created.map((c) => c.docname).sort() };
}
