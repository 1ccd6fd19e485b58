/**
 * The sync and queue section of `npm run bench` (issue 4), each figure against a baseline measured
 * in the same process:
 *
 * 1. Ingest: a full Kipu sync of BENCH_SYNC_PATIENTS (10,000) patients from the Kipu simulator
 *    (in-process, real protocol: signed requests, census pages of 100) through the real engine
 *    (startSyncRun + executeSyncRun: per-page transactions, scoped and audited client writes, sync
 *    state, change records, checkpoints) into a throwaway database seeded with the demo access model.
 *    Baseline: the same mapped rows as multi-row INSERTs (1,000 rows a statement, one transaction)
 *    into a fresh copy of the clients table. Also shown: fetching and mapping every page from the
 *    simulator without applying anything (how much of the sync is HTTP + JSON).
 * 2. No-op job drain: BENCH_JOBS (5,000) no-op jobs on a throwaway BullMQ queue drained by a real
 *    Worker at the worker's default concurrency (5), against raw Redis list round trips.
 *
 * Runs from run.ts in a child process (its own throwaway database and environment), or on its own:
 * `npm run bench:sync -w @orchestrator/bench`. BENCH_SKIP_SYNC=1 skips it in `npm run bench`.
 */
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createThrowawayDatabase } from "@orchestrator/db/testing";
import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import type { AdapterFactory } from "@orchestrator/modules/sync";
import type { Pool, PoolConnection } from "mysql2/promise";

const PATIENTS = Number(process.env.BENCH_SYNC_PATIENTS ?? 10_000);
const PAGE_SIZE = Number(process.env.BENCH_SYNC_PAGE_SIZE ?? 100);
const JOBS = Number(process.env.BENCH_JOBS ?? 5_000);
/** The worker's default WORKER_CONCURRENCY (apps/worker/src/env.ts). */
const WORKER_CONCURRENCY = 5;
const INGEST_TARGET = 5;
const BASELINE_BATCH = 1_000;

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const perSecond = (n: number, ms: number) => Math.round((n * 1000) / ms).toLocaleString("en-US");

function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  console.log(line(header));
  for (const r of rows) console.log(line(r));
}

interface IngestResult {
  syncMs: number;
  baselineMs: number;
  fetchMs: number;
  rawWritesMs: number;
  replayedRows: number;
  statements: number;
  imported: number;
}

async function inOneTransaction(pool: Pool, fn: (conn: PoolConnection) => Promise<void>): Promise<number> {
  const conn = await pool.getConnection();
  try {
    const start = performance.now();
    await conn.beginTransaction();
    await fn(conn);
    await conn.commit();
    return performance.now() - start;
  } finally {
    conn.release();
  }
}

async function ingest(): Promise<IngestResult> {
  // Imported after the environment points at the throwaway services (env is read at import).
  const { closeDatabase, createUser, seedAccessModel, unsafeSystemDb, unsafeSystemPool } = await import("@orchestrator/db/system");
  const { countStatements } = await import("@orchestrator/db");
  const { closeRedis, loadPrincipal } = await import("@orchestrator/auth");
  const { createAdapterFactory, executeSyncRun, startSyncRun } = await import("@orchestrator/modules/sync");
  const { startKipuSimulator } = await import("@orchestrator/kipu-simulator");

  const db = unsafeSystemDb();
  const pool = unsafeSystemPool();
  await seedAccessModel(db);
  const actor = "integration@bench.test";
  await createUser(db, { email: actor, fullName: "Integration", passwordHash: null, roles: ["Integration"], departments: ["Administration"] });
  const principal = await loadPrincipal(actor);
  if (!principal) throw new Error("the bench's integration user did not load");

  const sim = await startKipuSimulator({ patients: PATIENTS, deleted: 0, seed: 7 });
  try {
    const adapterFor: AdapterFactory = createAdapterFactory({ kipu: { baseUrl: sim.url, ...sim.credentials }, perPage: PAGE_SIZE });

    // Fetch only: every census page, mapped, nothing applied (also yields the baseline's rows).
    // The factory reads only these three columns of the source row; the rest of it does not exist yet.
    const source = { name: "kipu", kind: "kipu", disabledEndpoints: [] } as unknown as Parameters<AdapterFactory>[0];
    const adapter = adapterFor(source);
    const mapped: Record<string, unknown>[] = [];
    const fetchStart = performance.now();
    for (let token: string | null = null; ; ) {
      const page = await adapter.fetchChanged({ since: null, pageToken: token });
      for (const raw of page.records) {
        const m = adapter.map(raw);
        if (m.ok) mapped.push({ ...m.values, kipu_id: m.externalId });
      }
      token = page.nextPageToken;
      if (token === null) break;
    }
    const fetchMs = performance.now() - fetchStart;

    // Baseline: the same rows as multi-row INSERTs into a copy of the clients table, one transaction.
    // Measured before and after the sync; the faster of the two counts (the stricter comparison).
    const now = "2026-11-24 12:00:00.000000";
    const baselineRows = mapped.map((v, i) => [`CL-${String(i + 1).padStart(5, "0")}`, v.first_name, v.last_name, v.dob, v.status, v.admission_date, v.discharge_date, "Medical", v.kipu_id, now, 1, now, now, actor, actor]);
    const baseline = async () => {
      await pool.query("DROP TABLE IF EXISTS clients_bench_baseline");
      await pool.query("CREATE TABLE clients_bench_baseline LIKE clients");
      const ms = await inOneTransaction(pool, async (conn) => {
        for (let start = 0; start < baselineRows.length; start += BASELINE_BATCH) {
          await conn.query("INSERT INTO clients_bench_baseline (name, first_name, last_name, dob, status, admission_date, discharge_date, department, kipu_id, kipu_last_synced_at, synced_from_kipu, creation, modified, owner, modified_by) VALUES ?", [baselineRows.slice(start, start + BASELINE_BATCH)]);
        }
      });
      await pool.query("DROP TABLE clients_bench_baseline");
      return ms;
    };
    const baselineBefore = await baseline();

    // The real thing: a full sync through the engine, as the worker runs it.
    const syncStart = performance.now();
    const { result: summary, statements } = await countStatements(async () => {
      const run = await startSyncRun({ source: "kipu", syncType: "full", dryRun: false, trigger: "manual" }, principal);
      return executeSyncRun(run.name, { loadPrincipal, adapterFor });
    });
    const syncMs = performance.now() - syncStart;
    if (summary.status !== "completed" || summary.imported !== mapped.length) throw new Error(`sync run ${summary.name} ended ${summary.status}, imported ${summary.imported} of ${mapped.length} (errors ${summary.errors})`);
    const [[{ n }]] = (await pool.query("SELECT COUNT(*) AS n FROM clients WHERE kipu_id IS NOT NULL")) as unknown as [[{ n: number }]];
    if (Number(n) !== mapped.length) throw new Error(`expected ${mapped.length} synced clients, found ${n}`);

    // The sync's own writes replayed raw: the rows it left in clients, versions, sync_changes and
    // sync_state, read back and multi-row INSERTed into fresh copies of those tables in one
    // transaction. The floor for writing what a scoped, audited, reversible sync must write.
    const replay: { table: string; rows: Record<string, unknown>[] }[] = [];
    for (const [table, where, args] of [
      ["clients", "kipu_id IS NOT NULL", []],
      ["versions", "request_id = ?", [`sync:${summary.name}`]],
      ["sync_changes", "run = ?", [summary.name]],
      ["sync_state", "run = ?", [summary.name]],
    ] as const) {
      const [rows] = (await pool.query(`SELECT * FROM ${table} WHERE ${where}`, [...args])) as unknown as [Record<string, unknown>[]];
      for (const row of rows) {
        delete row.id; // auto-increment ids are the copy's own
        // JSON columns may come back parsed: they go back in as the JSON text they were.
        for (const [key, value] of Object.entries(row)) if (value !== null && typeof value === "object" && !Buffer.isBuffer(value)) row[key] = JSON.stringify(value);
      }
      replay.push({ table, rows });
    }
    for (const { table } of replay) {
      await pool.query(`DROP TABLE IF EXISTS ${table}_bench_replay`);
      await pool.query(`CREATE TABLE ${table}_bench_replay LIKE ${table}`);
    }
    const rawWritesMs = await inOneTransaction(pool, async (conn) => {
      for (const { table, rows } of replay) {
        if (!rows.length) continue;
        const columns = Object.keys(rows[0]!);
        for (let start = 0; start < rows.length; start += BASELINE_BATCH) {
          await conn.query(`INSERT INTO ${table}_bench_replay (${columns.join(", ")}) VALUES ?`, [rows.slice(start, start + BASELINE_BATCH).map((r) => columns.map((c) => r[c]))]);
        }
      }
    });
    for (const { table } of replay) await pool.query(`DROP TABLE ${table}_bench_replay`);
    const replayedRows = replay.reduce((sum, r) => sum + r.rows.length, 0);

    const baselineAfter = await baseline();
    return { syncMs, baselineMs: Math.min(baselineBefore, baselineAfter), fetchMs, rawWritesMs, replayedRows, statements, imported: summary.imported };
  } finally {
    await sim.close();
    await closeRedis();
    await closeDatabase();
  }
}

interface DrainResult {
  addMs: number;
  drainMs: number;
  rawAddMs: number;
  rawDrainMs: number;
}

/**
 * BullMQ against raw Redis lists, both in this process on the same Redis. Per job BullMQ makes at
 * least one round trip to add it (a Lua script storing the job hash, the wait list entry and an event)
 * and one to take it (moveToActive; then moveToFinished, which completes the job and hands over the
 * next one in the same call), plus lock renewals and event-stream writes. The honest floor for "a job
 * queue" on Redis is one round trip each way with nothing around it: LPUSH to add (sequential, one
 * producer, like `queue.add`), BRPOP to take (five consumers on their own connections, like the
 * worker's five slots). Adding is timed apart from draining: the drain ratio is the queue's overhead
 * per job taken; the add ratio what a producer pays.
 */
async function drain(redisUrl: string): Promise<DrainResult> {
  const { defaultJobOptions } = await import("@orchestrator/modules/queue");
  const tag = `bench-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(tag, { connection, defaultJobOptions });
  let worker: Worker | undefined;
  const consumers: Redis[] = [];
  const listKey = `${tag}:raw`;
  try {
    const addStart = performance.now();
    for (let i = 0; i < JOBS; i++) await queue.add("noop", { i });
    const addMs = performance.now() - addStart;

    let done = 0;
    let drainMs = 0;
    const drained = new Promise<void>((resolve, reject) => {
      const drainStart = performance.now();
      worker = new Worker(tag, async () => undefined, { connection: new Redis(redisUrl, { maxRetriesPerRequest: null }), concurrency: WORKER_CONCURRENCY, autorun: false });
      worker.on("completed", () => {
        done += 1;
        if (done === JOBS) {
          drainMs = performance.now() - drainStart;
          resolve();
        }
      });
      worker.on("failed", (_job, error) => reject(error));
      void worker.run();
    });
    await drained;
    await worker!.close();
    worker = undefined;

    const producer = new Redis(redisUrl);
    consumers.push(producer);
    const rawAddStart = performance.now();
    for (let i = 0; i < JOBS; i++) await producer.lpush(listKey, JSON.stringify({ name: "noop", data: { i } }));
    const rawAddMs = performance.now() - rawAddStart;
    let taken = 0;
    const lanes = Array.from({ length: WORKER_CONCURRENCY }, () => new Redis(redisUrl));
    consumers.push(...lanes);
    const rawDrainStart = performance.now();
    let rawDrainMs = 0;
    await Promise.all(
      lanes.map(async (lane) => {
        while (taken < JOBS) {
          const got = await lane.brpop(listKey, 0.05);
          // Timed to the last job taken, not to the other lanes giving up their blocking wait.
          if (got && ++taken === JOBS) rawDrainMs = performance.now() - rawDrainStart;
        }
      }),
    );
    await producer.del(listKey);
    return { addMs, drainMs, rawAddMs, rawDrainMs };
  } finally {
    if (worker) await worker.close(true);
    await queue.obliterate({ force: true });
    await queue.close();
    connection.disconnect();
    for (const c of consumers) c.disconnect();
  }
}

export async function runSyncBench(): Promise<void> {
  const started = Date.now();
  const { url, drop } = await createThrowawayDatabase("orch_bench_sync");
  process.env.DATABASE_URL = url;
  process.env.REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379/10";
  process.env.NODE_ENV = "production";
  process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-01";
  let ingestResult: IngestResult;
  try {
    ingestResult = await ingest();
  } finally {
    if (process.env.KEEP_BENCH_DB !== "1") await drop();
  }
  const d = await drain(process.env.REDIS_URL);

  const { syncMs, baselineMs, fetchMs, rawWritesMs, replayedRows, statements, imported } = ingestResult;
  const ratio = syncMs / baselineMs;
  console.log(`\nKipu ingest: full sync of ${imported.toLocaleString("en-US")} patients from the simulator (pages of ${PAGE_SIZE}) vs multi-row INSERT of the same rows`);
  table(
    ["case", "time s", "records/s", "÷ baseline", `target ≤${INGEST_TARGET}x`],
    [
      ["sync (engine, scoped + audited)", seconds(syncMs), perSecond(imported, syncMs), ratio.toFixed(2), ratio <= INGEST_TARGET ? "ok" : "OVER"],
      ["  of which fetch + map only", seconds(fetchMs), perSecond(imported, fetchMs), (fetchMs / baselineMs).toFixed(2), ""],
      ["baseline: multi-row INSERT", seconds(baselineMs), perSecond(imported, baselineMs), "1.00", ""],
      ["  the sync's writes, replayed raw", seconds(rawWritesMs), perSecond(imported, rawWritesMs), (rawWritesMs / baselineMs).toFixed(2), ""],
    ],
  );
  console.log(`Baseline: the mapped rows into a copy of clients, ${BASELINE_BATCH} rows a statement, one transaction (best of one run before and one after the sync).`);
  console.log(`Replayed raw: the ${replayedRows.toLocaleString("en-US")} rows the sync wrote (clients, their Version rows, sync_changes, sync_state) re-inserted the same way: the floor for what the sync must write.`);
  console.log(`SQL statements per record (engine): ${(statements / imported).toFixed(2)}`);

  console.log(`\nNo-op job drain: ${JOBS.toLocaleString("en-US")} jobs, BullMQ Worker at concurrency ${WORKER_CONCURRENCY} vs raw Redis (LPUSH / BRPOP on ${WORKER_CONCURRENCY} connections)`);
  table(
    ["case", "BullMQ s", "jobs/s", "raw s", "raw jobs/s", "÷ raw"],
    [
      ["add (one at a time)", seconds(d.addMs), perSecond(JOBS, d.addMs), seconds(d.rawAddMs), perSecond(JOBS, d.rawAddMs), (d.addMs / d.rawAddMs).toFixed(2)],
      ["drain", seconds(d.drainMs), perSecond(JOBS, d.drainMs), seconds(d.rawDrainMs), perSecond(JOBS, d.rawDrainMs), (d.drainMs / d.rawDrainMs).toFixed(2)],
    ],
  );
  console.log(`\nsync bench finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  runSyncBench().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
