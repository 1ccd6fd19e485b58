/**
 * `npm run bench`: seeds 100k clients into a throwaway database, serves the real REST and tRPC
 * handlers over HTTP from a child process (server.ts), and measures the scoped client list and get at 10 concurrent
 * connections for a Super Admin and a Medical Staff user — each against the same SQL run directly
 * through mysql2 in the same run, plus SQL statements per request. Then the Kipu ingest and the no-op
 * job drain (sync-ingest.ts; BENCH_SKIP_SYNC=1 skips them), the helpdesk escalation sweep over 100k
 * open tickets (helpdesk-sweep.ts; BENCH_SKIP_HELPDESK=1), the agent ticket list over 100k tickets
 * (helpdesk-list.ts; BENCH_SKIP_HELPDESK_LIST=1), the CRM lead list and pipeline board over 200k leads
 * (crm-pipeline.ts; BENCH_SKIP_CRM=1) and Lighthouse (BENCH_SKIP_LIGHTHOUSE=1).
 */
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createThrowawayDatabase } from "@orchestrator/db/testing";
import { Redis } from "ioredis";
import { runLighthouse } from "./lighthouse";
import { fmt, load, summarize, type Summary } from "./stats";
import { seedClients } from "./seed";

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 100_000);
const CONCURRENCY = 10;
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const WARMUP = 100;

async function main() {
  const started = Date.now();
  const { url, drop } = await createThrowawayDatabase("orch_bench");
  process.env.DATABASE_URL = url;
  process.env.DATABASE_POOL_SIZE = "20";
  process.env.REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379/10";
  process.env.NODE_ENV = "production";
  process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-01";
  const flush = new Redis(process.env.REDIS_URL);
  await flush.flushdb();
  flush.disconnect();

  // Import after the environment points at the throwaway services (env is read at import).
  const { closeDatabase, seedAccessModel, createUser, unsafeSystemDb, unsafeSystemPool } = await import("@orchestrator/db/system");
  const { generateApiKeys, closeRedis } = await import("@orchestrator/auth");

  try {
    const db = unsafeSystemDb();
    const pool = unsafeSystemPool();
    await seedAccessModel(db);
    await createUser(db, { email: "admin@bench.test", fullName: "Admin", passwordHash: "-", roles: ["Super Admin"], departments: ["Administration"] });
    await createUser(db, { email: "medical@bench.test", fullName: "Medic", passwordHash: "-", roles: ["Medical Staff"], departments: ["Medical"] });
    const seedStart = Date.now();
    await seedClients(pool, CLIENTS);
    console.log(`seeded ${CLIENTS} clients with ${CLIENTS * 2} assignments in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);

    const child = fork(fileURLToPath(new URL("./server.ts", import.meta.url)), { execArgv: ["--import", "tsx", ...(process.env.BENCH_CPU_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [])], env: process.env, stdio: "inherit" });
    const port = await new Promise<number>((resolve, reject) => {
      child.once("message", (m) => resolve((m as { port: number }).port));
      child.once("exit", (code) => reject(new Error(`API server exited with ${code}`)));
    });
    const base = `http://127.0.0.1:${port}`;
    const statementsFor = async (label: string, reset = false): Promise<number[]> =>
      ((await (await fetch(`${base}/__bench/statements?label=${encodeURIComponent(label)}${reset ? "&reset=1" : ""}`)).json()) as { counts: number[] }).counts;

    const users = {
      "Super Admin": { token: await generateApiKeys("admin@bench.test", "bench"), departments: null as string[] | null },
      "Medical Staff": { token: await generateApiKeys("medical@bench.test", "bench"), departments: ["Medical"] },
    };

    const listFields = ["name", "first_name", "last_name", "status", "department", "admission_date", "discharge_date", "synced_from_kipu", "modified"];
    const restListUrl = `${base}/api/resource/Client?fields=${encodeURIComponent(JSON.stringify(listFields))}&filters=${encodeURIComponent(JSON.stringify([["status", "=", "active"]]))}&limit_page_length=50`;
    const trpcListUrl = `${base}/api/trpc/clients.list?input=${encodeURIComponent(JSON.stringify({ pageSize: 50, status: ["active"] }))}`;
    const nameOf = (i: number, deps: string[] | null) => `CL-${String(deps ? ((i * 7919) % (CLIENTS / 2)) * 2 + 1 : ((i * 7919) % CLIENTS) + 1).padStart(6, "0")}`;

    const rows: string[][] = [];
    const results: Record<string, Summary> = {};
    for (const [role, user] of Object.entries(users)) {
      const headers = { authorization: `token ${user.token.api_key}:${user.token.api_secret}` };
      const deptSql = user.departments ? ` AND department IN (${user.departments.map(() => "?").join(",")})` : "";
      const deptArgs = user.departments ?? [];
      const rawList = () => pool.query(`SELECT ${listFields.join(", ")} FROM clients WHERE status = ?${deptSql} ORDER BY modified DESC, name DESC LIMIT 50`, ["active", ...deptArgs]);
      // The list's total is counted up to 10,000 (then shown as "10,000+"), so the baseline counts the same way.
      const rawCount = () => pool.query(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM clients WHERE status = ?${deptSql} LIMIT 10001) capped`, ["active", ...deptArgs]);
      const rawGet = async (name: string) => {
        await pool.query(`SELECT * FROM clients WHERE name = ?${deptSql} LIMIT 1`, [name, ...deptArgs]);
        await Promise.all([pool.query("SELECT * FROM medical_assignments WHERE parent = ? ORDER BY idx", [name]), pool.query("SELECT * FROM program_assignments WHERE parent = ? ORDER BY idx", [name])]);
      };
      const call = async (label: string, url: string) => {
        const res = await fetch(url, { headers: { ...headers, "x-bench-label": label } });
        if (!res.ok) throw new Error(`${label}: HTTP ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
      };
      const cases: { op: string; api: string; run: (i: number) => Promise<unknown>; raw: (i: number) => Promise<unknown> }[] = [
        { op: "list", api: "REST", run: () => call(`${role}/list/REST`, restListUrl), raw: () => rawList() },
        { op: "list", api: "tRPC", run: () => call(`${role}/list/tRPC`, trpcListUrl), raw: () => Promise.all([rawList(), rawCount()]) },
        { op: "get", api: "REST", run: (i) => call(`${role}/get/REST`, `${base}/api/resource/Client/${nameOf(i, user.departments)}`), raw: (i) => rawGet(nameOf(i, user.departments)) },
        { op: "get", api: "tRPC", run: (i) => call(`${role}/get/tRPC`, `${base}/api/trpc/clients.get?input=${encodeURIComponent(JSON.stringify({ name: nameOf(i, user.departments) }))}`), raw: (i) => rawGet(nameOf(i, user.departments)) },
      ];
      for (const c of cases) {
        await load(CONCURRENCY, WARMUP, async (i) => { await c.run(i); await c.raw(i); });
        await statementsFor(`${role}/${c.op}/${c.api}`, true);
        // Interleave raw and API runs in rounds so both see the same machine conditions.
        const api: number[] = [];
        const raw: number[] = [];
        for (let round = 0; round < 4; round++) {
          raw.push(...(await load(CONCURRENCY, REQUESTS / 4, (i) => c.raw(i + round * REQUESTS).then(() => undefined))));
          api.push(...(await load(CONCURRENCY, REQUESTS / 4, (i) => c.run(i + round * REQUESTS).then(() => undefined))));
        }
        const a = summarize(api);
        const r = summarize(raw);
        results[`${role}/${c.op}/${c.api}`] = a;
        const counts = await statementsFor(`${role}/${c.op}/${c.api}`);
        const maxStatements = Math.max(...counts);
        const budget = 3 * r.p95 + 5;
        rows.push([role, c.op, c.api, fmt(a.p50), fmt(a.p95), fmt(r.p50), fmt(r.p95), (a.p95 / r.p95).toFixed(2), fmt(budget), a.p95 <= budget ? "ok" : "OVER", String(maxStatements), maxStatements <= 4 ? "ok" : "OVER"]);
      }
    }

    const header = ["role", "op", "api", "p50 ms", "p95 ms", "raw p50", "raw p95", "p95/raw", "budget 3x+5", "latency", "SQL/req", "≤4 SQL"];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
    console.log(`\nScoped client list (50 rows, status filter) and get, ${CLIENTS} clients, ${CONCURRENCY} concurrent connections, ${REQUESTS} requests per case`);
    console.log(line(header));
    for (const r of rows) console.log(line(r));
    console.log("\nMedical Staff ÷ Super Admin (p95; target ≤ 1.5):");
    for (const op of ["list", "get"]) for (const api of ["REST", "tRPC"]) {
      const ratio = results[`Medical Staff/${op}/${api}`]!.p95 / results[`Super Admin/${op}/${api}`]!.p95;
      console.log(`  ${op} ${api}: ${ratio.toFixed(2)} ${ratio <= 1.5 ? "ok" : "OVER"}`);
    }
    console.log(`\nbench finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    child.disconnect();
    await closeRedis();
    await closeDatabase();
  } finally {
    if (process.env.KEEP_BENCH_DB !== "1") await drop();
  }

  // Kipu ingest and job drain (sync-ingest.ts), in a child process with its own throwaway database.
  if (process.env.BENCH_SKIP_SYNC === "1") console.log("\nSync ingest and job drain skipped (BENCH_SKIP_SYNC=1)");
  else await runChild("./sync-ingest.ts");

  // The helpdesk escalation sweep over 100k open tickets (helpdesk-sweep.ts).
  if (process.env.BENCH_SKIP_HELPDESK === "1") console.log("\nHelpdesk sweep skipped (BENCH_SKIP_HELPDESK=1)");
  else await runChild("./helpdesk-sweep.ts");

  // The agent ticket list over 100k tickets, tRPC caller against the same SQL (helpdesk-list.ts).
  if (process.env.BENCH_SKIP_HELPDESK_LIST === "1") console.log("\nHelpdesk agent list skipped (BENCH_SKIP_HELPDESK_LIST=1)");
  else await runChild("./helpdesk-list.ts");

  // The CRM lead list and pipeline board over 200k leads, tRPC caller against the same SQL (crm-pipeline.ts).
  if (process.env.BENCH_SKIP_CRM === "1") console.log("\nCRM lead list and pipeline board skipped (BENCH_SKIP_CRM=1)");
  else await runChild("./crm-pipeline.ts");

  // The web app's figures: Lighthouse and First Load JS on the production build (lighthouse.ts).
  if (process.env.BENCH_SKIP_LIGHTHOUSE === "1") console.log("\nLighthouse skipped (BENCH_SKIP_LIGHTHOUSE=1)");
  else await runLighthouse();
}

/** Runs a bench section in its own process (its own environment and throwaway database); fails if it does. */
async function runChild(script: string): Promise<void> {
  const child = fork(fileURLToPath(new URL(script, import.meta.url)), { execArgv: ["--import", "tsx"], env: process.env, stdio: "inherit" });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`${script} exited with ${code}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
