/**
 * Fixtures for the sync integration tests: the demo access model plus the integration service
 * user, a Kipu simulator on a random port with an adapter factory pointed at it (fast retries), and
 * table dumps to prove what a run did or did not change.
 */
import { and, asc, count, eq, like, notInArray, sql } from "drizzle-orm";
import { mergeGrants, seededRoleMatrix, type Principal, type SeededRoleName } from "@orchestrator/db";
import { schema as s, unsafeSystemDb } from "@orchestrator/db/system";
import { demoUsers, isDatabaseEmpty, seedDemo } from "@orchestrator/db/testing";
import { startKipuSimulator, type KipuSimulator } from "@orchestrator/kipu-simulator";
import { Worker } from "bullmq";
import { createSyncProcessor } from "../../jobs/sync";
import type { LoadPrincipal } from "../../jobs/types";
import { createRedisConnection, getQueue } from "../../queue";
import { createAdapterFactory, type AdapterFactory, type KipuConnection } from "../adapters";

/** `ensureSeeded` seeds four demo clients; everything else a test made goes in `resetSyncWorld`. */
const SEEDED_CLIENTS = ["CL-00001", "CL-00002", "CL-00003", "CL-00004"];

export const INTEGRATION_USER = "integration@demo.orchestrator.test";

export async function ensureSeeded(): Promise<void> {
  const db = unsafeSystemDb();
  if (await isDatabaseEmpty(db)) await seedDemo(db, { passwordHash: "not-a-real-hash", clientCount: 4 });
}

function principal(user: string, role: SeededRoleName, department: string): Principal {
  const rows = Object.entries(seededRoleMatrix[role]).map(([category, grant]) => ({ category, access: grant!.access, scope: grant!.scope }));
  return { user, fullName: role, roles: [role], departments: [department], grants: mergeGrants(rows) };
}

export const principals = {
  admin: () => principal("admin@demo.orchestrator.test", "Super Admin", "Administration"),
  integration: () => principal(INTEGRATION_USER, "Integration", "Administration"),
  medical: () => principal("medical@demo.orchestrator.test", "Medical Staff", "Medical"),
  supervisor: () => principal("supervisor@demo.orchestrator.test", "Supervisor", "Administration"),
};

/** Like auth's loadPrincipal over the seeded users (demo users and the integration user). */
export const loadTestPrincipal: LoadPrincipal = async (user) => {
  if (user === INTEGRATION_USER) return principals.integration();
  const found = demoUsers.find((u) => u.email === user);
  return found ? principal(found.email, found.role, found.department) : null;
};

export interface SimWorld {
  sim: KipuSimulator;
  adapterFor: AdapterFactory;
  connection: KipuConnection;
}

/** A simulator plus an adapter factory with quick back-off (the protocol is the real one). */
export async function startSim(patients: number, options: { deleted?: number; perPage?: number; connection?: Partial<KipuConnection> } = {}): Promise<SimWorld> {
  const sim = await startKipuSimulator({ patients, deleted: options.deleted ?? 2, seed: 7 });
  const connection: KipuConnection = { baseUrl: sim.url, ...sim.credentials, baseDelayMs: 5, maxDelayMs: 40, timeoutMs: 2_000, ...options.connection };
  return { sim, connection, adapterFor: createAdapterFactory({ kipu: connection, perPage: options.perPage ?? 20 }) };
}

export function adapterWith(world: SimWorld, connection: Partial<KipuConnection>, perPage = 20): AdapterFactory {
  return createAdapterFactory({ kipu: { ...world.connection, ...connection }, perPage });
}

/** Every client row, ordered: the state a sync or a rollback is judged by. */
export async function dumpClients(options: { withoutModified?: boolean } = {}): Promise<Record<string, unknown>[]> {
  const rows = await unsafeSystemDb().select().from(s.clients).orderBy(asc(s.clients.name));
  if (!options.withoutModified) return rows;
  return rows.map(({ modified: _m, modifiedBy: _mb, ...rest }) => rest);
}

export async function countRows(table: "versions" | "access_log" | "clients" | "sync_state" | "sync_conflicts" | "sync_duplicates"): Promise<number> {
  const t = { versions: s.versions, access_log: s.accessLog, clients: s.clients, sync_state: s.syncState, sync_conflicts: s.syncConflicts, sync_duplicates: s.syncDuplicates }[table];
  const [row] = await unsafeSystemDb().select({ n: count() }).from(t);
  return Number(row?.n ?? 0);
}

export async function dumpState(): Promise<Record<string, unknown>[]> {
  return unsafeSystemDb().select().from(s.syncState).orderBy(asc(s.syncState.externalId));
}

export async function clientByKipuId(kipuId: string) {
  const [row] = await unsafeSystemDb().select().from(s.clients).where(eq(s.clients.kipuId, kipuId)).limit(1);
  return row;
}

export async function syncedClientCount(): Promise<number> {
  const [row] = await unsafeSystemDb().select({ n: count() }).from(s.clients).where(like(s.clients.kipuId, "%:%"));
  return Number(row?.n ?? 0);
}

export async function versionsWithRequest(requestId: string) {
  return unsafeSystemDb().select().from(s.versions).where(eq(s.versions.requestId, requestId)).orderBy(asc(s.versions.id));
}

export async function sourceRow(name = "kipu") {
  const [row] = await unsafeSystemDb().select().from(s.syncSources).where(eq(s.syncSources.name, name)).limit(1);
  return row;
}

export async function changesOf(run: string) {
  return unsafeSystemDb().select().from(s.syncChanges).where(eq(s.syncChanges.run, run)).orderBy(asc(s.syncChanges.id));
}

/**
 * Forgets every sync (runs, changes, review items, state, sources, inbox) and the clients syncs made,
 * so each test starts from the seeded demo data. Test-only: real data is never deleted like this.
 */
export async function resetSyncWorld(): Promise<void> {
  const db = unsafeSystemDb();
  await db.delete(s.clients).where(notInArray(s.clients.name, SEEDED_CLIENTS));
  await db.delete(s.versions).where(and(eq(s.versions.refDoctype, "Client"), notInArray(s.versions.docname, SEEDED_CLIENTS)));
  for (const t of [s.syncChanges, s.syncConflicts, s.syncDuplicates, s.syncState, s.syncRuns, s.syncSources, s.syncInbox]) await db.delete(t);
  await db.execute(sql`DELETE FROM naming_series WHERE prefix = 'SR-'`);
}

/**
 * A real BullMQ Worker on the `sync` queue (emptied first) running the sync processor against the
 * world's simulator. `close` stops it, its connection, and empties the queue again.
 */
export async function startSyncWorker(world: SimWorld, concurrency = 1): Promise<{ close: () => Promise<void> }> {
  await getQueue("sync").obliterate({ force: true });
  const connection = createRedisConnection("worker");
  const worker = new Worker("sync", createSyncProcessor({ loadPrincipal: loadTestPrincipal, adapterFor: world.adapterFor }), { connection, concurrency });
  await worker.waitUntilReady();
  return {
    async close() {
      await worker.close();
      await connection.quit();
      await getQueue("sync").obliterate({ force: true });
    },
  };
}
