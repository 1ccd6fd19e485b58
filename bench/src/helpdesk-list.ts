/**
 * The agent ticket list section of `npm run bench` (issue 5): BENCH_HD_LIST_TICKETS (100,000) tickets
 * in five departments, and a Helpdesk Agent (helpdesk read/write, own department) of one of them.
 * Measured in a throwaway database, interleaved, BENCH_HD_LIST_QUERIES runs each:
 *
 * - the list's first page in its default sort (`modified` desc, 25 rows, with the capped total)
 *   through the tRPC caller (`helpdeskAgent.tickets`: procedure, scoped data layer, output schema);
 * - the same two statements run directly through mysql2 (page and capped count, in parallel as the
 *   service runs them).
 *
 * Prints p50/p95 of both and the p95 ratio. Runs from run.ts in a child process, or on its own
 * (`npx tsx src/helpdesk-list.ts`). BENCH_SKIP_HELPDESK_LIST=1 skips it in `npm run bench`.
 */
import type { Pool } from "mysql2/promise";
import { printCallerVsSql } from "./stats";
import { inThrowawayDatabase } from "./throwaway";

const TICKETS = Number(process.env.BENCH_HD_LIST_TICKETS ?? 100_000);
const QUERIES = Number(process.env.BENCH_HD_LIST_QUERIES ?? 200);
const WARMUP = 20;
const PAGE_SIZE = 25;
const BATCH = 2_000;
const DEPARTMENTS = ["Administration", "Medical", "Program", "HR", "Finance"];
const STATUSES = ["Open", "Open", "Replied", "Paused", "Resolved", "Closed"];
const PRIORITIES = ["Low", "Medium", "High", "Urgent"];
const AGENT = "agent@bench.test";
const AGENT_DEPARTMENT = "Administration";

const stamp = (ms: number) => new Date(ms).toISOString().replace("T", " ").replace("Z", "000");

async function seed(pool: Pool): Promise<void> {
  const base = Date.UTC(2026, 0, 1);
  for (let start = 1; start <= TICKETS; start += BATCH) {
    const rows: (string | number | null)[][] = [];
    for (let i = start; i < Math.min(TICKETS + 1, start + BATCH); i++) {
      const opened = base + i * 60_000;
      // Spread `modified` so the default sort has real work to do.
      const modified = stamp(opened + (i % 977) * 3_600_000);
      const open = i % 6 < 2;
      rows.push([`HD-TKT-${String(i).padStart(6, "0")}`, `Bench ticket ${i}`, STATUSES[i % 6]!, PRIORITIES[i % 4]!, DEPARTMENTS[i % 5]!, `user${i % 500}@example.com`, i % 3 ? AGENT : null, stamp(opened), open ? stamp(opened + 4 * 3_600_000) : null, open ? stamp(opened + 24 * 3_600_000) : null, open ? "Resolution Due" : "Fulfilled", i % 17 === 0 ? 1 : 0, stamp(opened), modified, "bench", "bench"]);
    }
    await pool.query("INSERT INTO hd_tickets (name, subject, status, priority, department, raised_by, assignee, opening_date, response_by, resolution_by, agreement_status, at_risk, creation, modified, owner, modified_by) VALUES ?", [rows]);
  }
  await pool.query("INSERT INTO naming_series (prefix, current) VALUES ('HD-TKT-', ?) ON DUPLICATE KEY UPDATE current = VALUES(current)", [TICKETS]);
  await pool.query("ANALYZE TABLE hd_tickets");
}

/** The list's statements as plain SQL: the same columns, scope predicate, order and cap the data layer builds. */
const FIELDS = ["name", "subject", "status", "priority", "ticket_type", "agent_group", "assignee", "raised_by", "customer", "department", "response_by", "resolution_by", "agreement_status", "at_risk", "opening_date", "modified"];
const RAW_PAGE = `SELECT ${FIELDS.join(", ")} FROM hd_tickets WHERE department IN (?) ORDER BY modified DESC, name DESC LIMIT ${PAGE_SIZE}`;
const RAW_COUNT = "SELECT COUNT(*) AS n FROM (SELECT 1 FROM hd_tickets WHERE department IN (?) LIMIT 10001) capped";

async function main(): Promise<void> {
  await inThrowawayDatabase("orch_bench_hdl", "redis://127.0.0.1:6379/10", async ({ system, db, pool }) => {
    // The app's modules are imported here, after the environment points at the throwaway database.
    const { createUser } = system;
    const { mergeGrants, seededRoleMatrix } = await import("@orchestrator/db");
    const { createCaller, contextFor } = await import("@orchestrator/modules");
    await createUser(db, { email: AGENT, fullName: "Bench Agent", passwordHash: "-", roles: ["Helpdesk Agent"], departments: [AGENT_DEPARTMENT] });
    const grants = mergeGrants(Object.entries(seededRoleMatrix["Helpdesk Agent"]).map(([category, g]) => ({ category, access: g!.access, scope: g!.scope })));
    const principal = { user: AGENT, fullName: "Bench Agent", roles: ["Helpdesk Agent"], departments: [AGENT_DEPARTMENT], grants };
    const caller = createCaller(contextFor(principal, { requestId: "bench" }));

    const seedStart = performance.now();
    await seed(pool);
    console.log(`\nHelpdesk agent list: seeded ${TICKETS} tickets in ${DEPARTMENTS.length} departments in ${((performance.now() - seedStart) / 1000).toFixed(1)} s; agent scope: own department (${AGENT_DEPARTMENT})`);

    const viaCaller = async () => (await caller.helpdeskAgent.tickets({ page: 1, pageSize: PAGE_SIZE })).rows.length;
    const direct = async () => {
      const [[rows]] = await Promise.all([pool.query(RAW_PAGE, [[AGENT_DEPARTMENT]]), pool.query(RAW_COUNT, [[AGENT_DEPARTMENT]])]);
      return (rows as unknown[]).length;
    };
    for (let i = 0; i < WARMUP; i++) await Promise.all([viaCaller(), direct()]);
    const api: number[] = [];
    const raw: number[] = [];
    let rows = 0;
    for (let i = 0; i < QUERIES; i++) {
      let start = performance.now();
      await direct();
      raw.push(performance.now() - start);
      start = performance.now();
      rows = await viaCaller();
      api.push(performance.now() - start);
    }
    printCallerVsSql(`first page (${rows} rows, default sort, capped total), ${QUERIES} runs each:`, api, raw);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
