/**
 * The helpdesk section of `npm run bench` (issue 5): the escalation sweep over BENCH_HD_TICKETS
 * (100,000) open tickets, each with two escalation levels (200,000 marks), 1 % of them due and half of
 * those already fired. Measured, in a throwaway database:
 *
 * 1. The sweep's candidate query (first page of 500: range on the due index, anti-join on the fired
 *    table) through the module's code, against the same SQL run directly through mysql2 (p50/p95 of
 *    BENCH_HD_QUERIES runs each, interleaved). Target ≤ 2 s.
 * 2. A whole sweep that fires the 500 due levels (one transaction each: lock, fired row, notification,
 *    activity, audit), then a second sweep that finds nothing.
 *
 * Runs from run.ts in a child process, or on its own (`npx tsx src/helpdesk-sweep.ts`).
 * BENCH_SKIP_HELPDESK=1 skips it in `npm run bench`.
 */
import type { Pool } from "mysql2/promise";
import { fmt, summarize } from "./stats";
import { inThrowawayDatabase } from "./throwaway";

const TICKETS = Number(process.env.BENCH_HD_TICKETS ?? 100_000);
const QUERIES = Number(process.env.BENCH_HD_QUERIES ?? 40);
const TARGET_MS = 2_000;
const BATCH = 2_000;
const NOW = "2026-11-23 12:00:00.000000";
const CYCLE = "2026-11-23 08:00:00.000000#0";

const minutesFrom = (base: string, minutes: number) => new Date(Date.parse(`${base.slice(0, 10)}T${base.slice(11, 23)}Z`) + minutes * 60_000).toISOString().replace("T", " ").replace("Z", "000");

async function insertBatches(pool: Pool, table: string, columns: string[], rows: (string | number)[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH);
    await pool.query(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ?`, [chunk]);
  }
}

async function seed(pool: Pool): Promise<number> {
  const st = [NOW, NOW, "bench", "bench"];
  await pool.query("INSERT INTO hd_escalation_rules (name, enabled, creation, modified, owner, modified_by) VALUES ('Bench', 1, ?, ?, ?, ?)", st);
  await pool.query(
    "INSERT INTO hd_escalation_levels (name, parent, idx, trigger_clock, trigger_percent, notify_user, creation, modified, owner, modified_by) VALUES ('lvl-1', 'Bench', 1, 'resolution', 75, 'admin@bench.test', ?, ?, ?, ?), ('lvl-2', 'Bench', 2, 'resolution', NULL, 'admin@bench.test', ?, ?, ?, ?)",
    [...st, ...st],
  );
  const tickets: (string | number)[][] = [];
  const marks: (string | number)[][] = [];
  const fired: (string | number)[][] = [];
  let due = 0;
  for (let i = 1; i <= TICKETS; i++) {
    const name = `HD-TKT-${String(i).padStart(6, "0")}`;
    tickets.push([name, `Bench ticket ${i}`, "Open", "Low", i % 2 ? "Medical" : "Program", ...st]);
    const isDue = i % 100 === 0;
    const first = isDue ? minutesFrom(NOW, -1 - (i % 60)) : minutesFrom(NOW, 1 + (i % 5_000));
    marks.push([name, "Bench", 1, CYCLE, first], [name, "Bench", 2, CYCLE, minutesFrom(first, 480)]);
    if (isDue && i % 200 === 0) fired.push([name, "Bench", 1, CYCLE, NOW]);
    else if (isDue) due++;
  }
  await insertBatches(pool, "hd_tickets", ["name", "subject", "status", "priority", "department", "creation", "modified", "owner", "modified_by"], tickets);
  await insertBatches(pool, "hd_ticket_escalation_marks", ["ticket", "rule", "level", "cycle", "due_at"], marks);
  await insertBatches(pool, "hd_escalation_fired", ["ticket", "rule", "level", "cycle", "fired_at"], fired);
  await pool.query("ANALYZE TABLE hd_ticket_escalation_marks, hd_escalation_fired");
  return due;
}

/** The candidate query as plain SQL (the same statement `candidateQuery` builds). */
const RAW = `SELECT m.ticket, m.rule, m.level, m.cycle, DATE_FORMAT(m.due_at, '%Y-%m-%d %H:%i:%s.%f') AS due_at
  FROM hd_ticket_escalation_marks m
  LEFT JOIN hd_escalation_fired f ON f.ticket = m.ticket AND f.rule = m.rule AND f.level = m.level AND f.cycle = m.cycle
  WHERE m.due_at <= ? AND f.ticket IS NULL
  ORDER BY m.due_at, m.ticket, m.rule, m.level
  LIMIT 500`;

async function main(): Promise<void> {
  await inThrowawayDatabase("orch_bench_hd", "redis://127.0.0.1:6379/10", async ({ system, db, pool }) => {
    // The app's modules are imported here, after the environment points at the throwaway database.
    const { createUser } = system;
    const { mergeGrants, seededRoleMatrix } = await import("@orchestrator/db");
    const { runEscalationSweep, selectCandidates } = await import("@orchestrator/modules/helpdesk/escalation");
    await createUser(db, { email: "admin@bench.test", fullName: "Admin", passwordHash: "-", roles: ["Super Admin"], departments: ["Administration"] });
    const actor = "integration@bench.test";
    await createUser(db, { email: actor, fullName: "Integration", passwordHash: null, roles: ["Integration"], departments: ["Administration"] });
    const principal = { user: actor, fullName: "Integration", roles: ["Integration"], departments: ["Administration"], grants: mergeGrants(Object.entries(seededRoleMatrix.Integration).map(([category, g]) => ({ category, access: g!.access, scope: g!.scope }))) };

    const seedStart = performance.now();
    const due = await seed(pool);
    console.log(`\nHelpdesk escalation sweep: seeded ${TICKETS} open tickets, ${TICKETS * 2} marks, ${due} levels due, in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

    const now = new Date(`${NOW.slice(0, 10)}T${NOW.slice(11, 23)}Z`);
    const viaModule: number[] = [];
    const direct: number[] = [];
    let found = 0;
    for (let i = 0; i < QUERIES; i++) {
      let start = performance.now();
      await pool.query(RAW, [NOW]);
      direct.push(performance.now() - start);
      start = performance.now();
      found = (await selectCandidates(now, 500)).length;
      viaModule.push(performance.now() - start);
    }
    const m = summarize(viaModule);
    const r = summarize(direct);
    console.log(`candidate query (first page, ${found} rows): p50 ${fmt(m.p50)} ms, p95 ${fmt(m.p95)} ms; same SQL direct: p50 ${fmt(r.p50)} ms, p95 ${fmt(r.p95)} ms; target ≤ ${TARGET_MS} ms: ${m.p95 <= TARGET_MS ? "ok" : "OVER"}`);

    let start = performance.now();
    const swept = await runEscalationSweep(principal, { now });
    const sweepMs = performance.now() - start;
    console.log(`full sweep: ${swept.fired} levels fired (${swept.failed} failed) in ${fmt(sweepMs)} ms (${fmt(sweepMs / Math.max(1, swept.fired))} ms a level, one transaction each, 4 lanes); target ≤ ${TARGET_MS} ms: ${sweepMs <= TARGET_MS ? "ok" : "OVER"}`);
    start = performance.now();
    const again = await runEscalationSweep(principal, { now });
    const idleMs = performance.now() - start;
    console.log(`next sweep (nothing due): ${again.candidates} candidates in ${fmt(idleMs)} ms; target ≤ ${TARGET_MS} ms: ${idleMs <= TARGET_MS ? "ok" : "OVER"}`);
    if (swept.failed || again.candidates) throw new Error("the sweep did not fire every due level exactly once");
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
