/**
 * The CRM section of `npm run bench` (issue 6): BENCH_CRM_LEADS (200,000) leads over four sales
 * teams (5% unassigned), every tenth converted to a deal (20,000 deals over the seven configured
 * stages) and 5,000 organisations, seeded with bulk INSERTs in a throwaway database. Measured as a
 * Sales User (member of one team) and a Sales Manager (manager of three), both `own_team`,
 * interleaved, BENCH_CRM_QUERIES runs each (after 20 warm-up runs):
 *
 * - the lead list's first page exactly as the leads page asks it (`crm.leads.list` with
 *   `{ page: 1, pageSize: 20, sort: modified desc }`: the page and the total capped at 10,000);
 * - the pipeline board (`crm.board` as the board first asks it: per stage the count and value of all
 *   its deals, one grouped query, and its 25 most recently changed deals, one list per stage);
 * - the whole board page load: the board, `crm.catalogues` and `crm.organizations.list` (100), in
 *   parallel as the page prefetches them;
 *
 * each through the tRPC caller (procedure, scoped data layer, output schema) and as the very same SQL
 * statements through mysql2. The statements are captured from the caller's own run (every statement
 * drizzle sends on the pool, with its parameters) and replayed in the same dependency waves
 * (statements the service runs in parallel run in parallel; a statement that waited for another's
 * result waits for it), so the baseline carries the same scope predicate, order, limits and cap.
 *
 * Prints p50/p95 of both and the p95 ratio. Runs from run.ts in a child process, or on its own
 * (`npx tsx src/crm-pipeline.ts`). BENCH_SKIP_CRM=1 skips it in `npm run bench`.
 * Investigation knobs: BENCH_CRM_EXPLAIN=1 prints EXPLAIN of the list statements;
 * BENCH_CRM_DDL="CREATE INDEX …; …" runs DDL in the throwaway database after seeding (index experiments).
 */
import type { Pool } from "mysql2/promise";
import { printCallerVsSql } from "./stats";
import { inThrowawayDatabase } from "./throwaway";

const LEADS = Number(process.env.BENCH_CRM_LEADS ?? 200_000);
const QUERIES = Number(process.env.BENCH_CRM_QUERIES ?? 200);
const WARMUP = 20;
const BATCH = 2_000;
/** A lead in ten is converted to a deal: 20,000 deals at 200,000 leads. */
const DEAL_EVERY = 10;
const ORGANIZATIONS = Math.max(100, Math.round(LEADS / 40));
/** Leads per team (out of 20): 6 East Coast, 6 West Coast, 4 Central, 3 Enterprise, 1 unassigned. */
const TEAM_OF = ["East Coast", "East Coast", "East Coast", "East Coast", "East Coast", "East Coast", "West Coast", "West Coast", "West Coast", "West Coast", "West Coast", "West Coast", "Central", "Central", "Central", "Central", "Enterprise", "Enterprise", "Enterprise", null] as const;
const TEAMS = ["Central", "East Coast", "Enterprise", "West Coast"] as const;
const REPS_PER_TEAM = 6;
const SALES_USER = "sales@bench.test";
const SALES_TEAM = "East Coast";
const SALES_MANAGER = "salesmanager@bench.test";
const MANAGER_TEAMS = ["Central", "East Coast", "West Coast"];
const LEAD_STATUSES = ["New", "New", "Contacted", "Contacted", "Nurture", "Qualified", "Unqualified", "Junk"];
const SOURCES = ["Website", "Referral", "Existing Customer", "Advertisement", "Cold Calling", "Exhibition", "Campaign", "Walk In"];
/** Deal stages (out of 20), as the migration configures them, with their probabilities. */
const STAGE_OF = ["Qualification", "Qualification", "Qualification", "Qualification", "Qualification", "Demo/Making", "Demo/Making", "Demo/Making", "Demo/Making", "Proposal/Quotation", "Proposal/Quotation", "Proposal/Quotation", "Negotiation", "Negotiation", "Ready to Close", "Won", "Won", "Won", "Lost", "Lost"];
const PROBABILITY: Record<string, number> = { Qualification: 10, "Demo/Making": 25, "Proposal/Quotation": 50, Negotiation: 70, "Ready to Close": 90, Won: 100, Lost: 0 };

/** The pages' inputs, as the web app sends them (lead-list-params.ts, board-input.ts). */
const LEAD_LIST_INPUT = { page: 1, pageSize: 20, sort: { field: "modified", direction: "desc" as const } };
const BOARD_INPUT = {};
const ORGANIZATIONS_INPUT = { page: 1, pageSize: 100 };

const stamp = (ms: number) => new Date(ms).toISOString().replace("T", " ").replace("Z", "000");
const pad = (n: number) => String(n).padStart(5, "0");
const repOf = (team: string, i: number) => `rep${(i % REPS_PER_TEAM) + 1}.${team.toLowerCase().replace(/\s+/g, "-")}@bench.test`;

type Row = (string | number | null)[];

async function insertBatched(pool: Pool, statement: string, total: number, row: (i: number) => Row): Promise<void> {
  for (let start = 1; start <= total; start += BATCH) {
    const rows: Row[] = [];
    for (let i = start; i < Math.min(total + 1, start + BATCH); i++) rows.push(row(i));
    await pool.query(statement, [rows]);
  }
}

/** The owner of lead (or deal) `i` of `team`: a rep of the team, the bench Sales User for one in seven of theirs, and a few of theirs in other teams. */
function ownerOf(team: string | null, i: number): string | null {
  if (!team) return i % 3 === 0 ? SALES_USER : null;
  if (team === SALES_TEAM && i % 7 === 0) return SALES_USER;
  if (team !== SALES_TEAM && i % 997 === 0) return SALES_USER;
  return repOf(team, i);
}

async function seed(pool: Pool): Promise<{ deals: number }> {
  const base = Date.UTC(2024, 0, 1);
  const st = stamp(base);
  // Teams and their members (the `own_team` predicate's source): six reps each, the bench Sales User
  // in East Coast and the bench Sales Manager as manager of three.
  await pool.query("INSERT INTO crm_teams (name, team_name, description, assignment_rule, creation, modified, owner, modified_by) VALUES ?", [TEAMS.map((t) => [t, t, `${t} sales`, JSON.stringify({ strategy: "round_robin" }), st, st, "bench", "bench"])]);
  const members: Row[] = [];
  for (const team of TEAMS) {
    const users: [string, number][] = Array.from({ length: REPS_PER_TEAM }, (_, i) => [repOf(team, i), 0]);
    if (team === SALES_TEAM) users.push([SALES_USER, 0]);
    if (MANAGER_TEAMS.includes(team)) users.push([SALES_MANAGER, 1]);
    users.forEach(([user, manager], idx) => members.push([`${team}:${user}`, team, idx + 1, user, manager, st, st, "bench", "bench"]));
  }
  await pool.query("INSERT INTO crm_team_members (name, parent, idx, user, is_manager, creation, modified, owner, modified_by) VALUES ?", [members]);

  await insertBatched(pool, "INSERT INTO crm_organizations (name, organization_name, website, industry, organization_owner, team, creation, modified, owner, modified_by) VALUES ?", ORGANIZATIONS, (i) => {
    const team = TEAM_OF[i % 20]!;
    const created = base + i * 600_000;
    return [`CRM-ORG-${pad(i)}`, `Bench Organisation ${i}`, `https://org${i}.example`, i % 2 ? "Healthcare" : "Behavioral Health", ownerOf(team, i), team, stamp(created), stamp(created + (i % 311) * 3_600_000), "bench", "bench"];
  });

  // Leads over two years; `modified` spread (a lead is touched up to ~40 days after it came in) so the default sort has real work to do.
  await insertBatched(pool, "INSERT INTO crm_leads (name, first_name, last_name, lead_name, email, mobile_no, organization, status, source, lead_owner, team, converted_deal, converted_on, creation, modified, owner, modified_by) VALUES ?", LEADS, (i) => {
    const team = TEAM_OF[i % 20]!;
    const created = base + i * 300_000;
    const converted = i % DEAL_EVERY === 0;
    return [`CRM-LEAD-${pad(i)}`, `First${i}`, `Last${i}`, `First${i} Last${i}`, `lead${i}@example.com`, `+1 555 ${String(i).padStart(7, "0")}`, `Bench Organisation ${(i % ORGANIZATIONS) + 1}`, converted ? "Qualified" : LEAD_STATUSES[i % LEAD_STATUSES.length]!, SOURCES[i % SOURCES.length]!, ownerOf(team, i), team, converted ? `CRM-DEAL-${pad(i / DEAL_EVERY)}` : null, converted ? stamp(created + 86_400_000) : null, stamp(created), stamp(created + (i % 977) * 3_600_000), "bench", "bench"];
  });

  const deals = Math.floor(LEADS / DEAL_EVERY);
  await insertBatched(pool, "INSERT INTO crm_deals (name, organization, lead, status, probability, amount, currency, expected_close_date, lost_reason, deal_owner, team, stage_changed_on, creation, modified, owner, modified_by) VALUES ?", deals, (d) => {
    const lead = d * DEAL_EVERY;
    const team = TEAM_OF[lead % 20]!;
    const stage = STAGE_OF[d % 20]!;
    const created = base + lead * 300_000 + 86_400_000;
    const modified = created + (d % 613) * 3_600_000;
    return [`CRM-DEAL-${pad(d)}`, `CRM-ORG-${pad((d % ORGANIZATIONS) + 1)}`, `CRM-LEAD-${pad(lead)}`, stage, PROBABILITY[stage]!, 5_000 + (d % 40) * 1_000, "USD", stamp(created + 60 * 86_400_000).slice(0, 10), stage === "Lost" ? "Chose another provider" : null, ownerOf(team, lead), team, stamp(modified), stamp(created), stamp(modified), "bench", "bench"];
  });
  await pool.query("INSERT INTO naming_series (prefix, current) VALUES ('CRM-LEAD-', ?), ('CRM-DEAL-', ?), ('CRM-ORG-', ?) ON DUPLICATE KEY UPDATE current = VALUES(current)", [LEADS, deals, ORGANIZATIONS]);
  await pool.query("ANALYZE TABLE crm_leads, crm_deals, crm_organizations, crm_teams, crm_team_members");
  return { deals };
}

/**
 * One statement as drizzle sent it, and the dependency wave it was issued in: 0 when issued before any
 * result came back, else one more than the wave of the statement whose result came back last (the
 * continuation that issued it).
 */
interface Captured {
  sql: string;
  params: unknown[];
  wave: number;
}

/** Runs `fn` alone and records every statement it sends on `pool` (drizzle's mysql2 session calls `pool.query(query, params)`). */
async function capture(pool: Pool, fn: () => Promise<unknown>): Promise<Captured[]> {
  const out: Captured[] = [];
  let last = -1;
  const original = pool.query;
  const patched = function (this: Pool, query: string | { sql: string }, params?: unknown[]) {
    const wave = last + 1;
    out.push({ sql: typeof query === "string" ? query : query.sql, params: params ?? [], wave });
    return (original as (q: unknown, p?: unknown) => Promise<unknown>).call(this, query, params).then((result) => {
      last = wave;
      return result;
    });
  };
  pool.query = patched as unknown as Pool["query"];
  try {
    await fn();
  } finally {
    pool.query = original;
  }
  return out;
}

/** The captured statements through mysql2, wave by wave (a wave's statements in parallel); returns the first statement's row count. */
/** Runs captured statements in their waves; the rows each returned, in capture order. */
async function replay(pool: Pool, statements: Captured[]): Promise<{ sql: string; rows: number }[]> {
  const out: { sql: string; rows: number }[] = [];
  const waves = Math.max(...statements.map((s) => s.wave)) + 1;
  for (let wave = 0; wave < waves; wave++) {
    const batch = statements.filter((s) => s.wave === wave);
    const results = await Promise.all(batch.map((s) => pool.query(s.sql, s.params)));
    results.forEach((r, i) => out.push({ sql: batch[i]!.sql, rows: (r[0] as unknown[]).length }));
  }
  return out;
}

/** The lead list's rows: its first statement's (the page; the capped count is the second). */
const pageRows = (ran: { rows: number }[]) => ran[0]?.rows ?? 0;
/** The board's cards: the rows of its per-stage deal lists (not the stages, nor the grouped totals). */
const cardRows = (ran: { sql: string; rows: number }[]) => ran.filter((r) => /from `crm_deals`/.test(r.sql) && !/count\(|sum\(/.test(r.sql)).reduce((n, r) => n + r.rows, 0);

const short = (sql: string) => sql.replace(/^select .*? from/, "select … from").replace(/\s+/g, " ");

async function explain(pool: Pool, label: string, statement: Captured): Promise<void> {
  const [rows] = await pool.query(`EXPLAIN ${statement.sql}`, statement.params);
  console.log(`  EXPLAIN ${label}: ${short(statement.sql)}  ${JSON.stringify(statement.params)}`);
  for (const r of rows as Record<string, unknown>[]) console.log(`    ${[r.id, r.select_type, r.table, r.type, `key=${String(r.key)}`, `rows=${String(r.rows)}`, r.Extra].join(" | ")}`);
}

async function main(): Promise<void> {
  await inThrowawayDatabase("orch_bench_crm", "redis://127.0.0.1:6379/7", async ({ system, db, pool }) => {
    // The app's modules are imported here, after the environment points at the throwaway database.
    const { createUser } = system;
    const { mergeGrants, seededRoleMatrix } = await import("@orchestrator/db");
    const { createCaller, contextFor } = await import("@orchestrator/modules");
    await createUser(db, { email: SALES_USER, fullName: "Bench Sales", passwordHash: "-", roles: ["Sales User"], departments: [] });
    await createUser(db, { email: SALES_MANAGER, fullName: "Bench Manager", passwordHash: "-", roles: ["Sales Manager"], departments: [] });
    for (const team of TEAMS) for (let i = 0; i < REPS_PER_TEAM; i++) await createUser(db, { email: repOf(team, i), fullName: `Rep ${i + 1} ${team}`, passwordHash: "-", roles: ["Sales User"], departments: [] });

    const seedStart = performance.now();
    const { deals } = await seed(pool);
    console.log(`\nCRM lead list and pipeline board: seeded ${LEADS} leads, ${deals} deals and ${ORGANIZATIONS} organisations over ${TEAMS.length} teams in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
    for (const ddl of (process.env.BENCH_CRM_DDL ?? "").split(";").map((s) => s.trim()).filter(Boolean)) {
      const t = performance.now();
      await pool.query(ddl);
      console.log(`  experiment DDL (${((performance.now() - t) / 1000).toFixed(1)} s): ${ddl}`);
    }
    if (process.env.BENCH_CRM_DDL) await pool.query("ANALYZE TABLE crm_leads, crm_deals, crm_organizations");

    const principalOf = (user: string, fullName: string, role: "Sales User" | "Sales Manager", teams: string[]) => {
      const grants = mergeGrants(Object.entries(seededRoleMatrix[role]).map(([category, g]) => ({ category, access: g!.access, scope: g!.scope })));
      return { user, fullName, roles: [role], departments: [] as string[], teams: [...teams].sort(), grants };
    };
    const roles = [
      { role: "Sales User", scope: `own_team: ${SALES_TEAM}`, principal: principalOf(SALES_USER, "Bench Sales", "Sales User", [SALES_TEAM]) },
      { role: "Sales Manager", scope: `own_team: ${MANAGER_TEAMS.join(", ")}`, principal: principalOf(SALES_MANAGER, "Bench Manager", "Sales Manager", MANAGER_TEAMS) },
    ];

    interface Case { label: string; role: string; api: () => Promise<number>; raw: () => Promise<number>; lat: { api: number[]; raw: number[] }; rows: { api: number; raw: number } }
    const cases: Case[] = [];
    for (const r of roles) {
      const caller = createCaller(contextFor(r.principal, { requestId: "bench" }));
      const leadList = async () => (await caller.crm.leads.list(LEAD_LIST_INPUT)).rows.length;
      const cards = (board: { columns: { deals: unknown[] }[] }) => board.columns.reduce((n, c) => n + c.deals.length, 0);
      const boardDeals = async () => cards(await caller.crm.board(BOARD_INPUT));
      const boardPage = async () => cards((await Promise.all([caller.crm.board(BOARD_INPUT), caller.crm.catalogues(), caller.crm.organizations.list(ORGANIZATIONS_INPUT)]))[0]);
      // The statements each procedure sends, captured from its own run (each alone, so the waves are its own).
      const leadSql = await capture(pool, leadList);
      const dealSql = await capture(pool, boardDeals);
      const catalogueSql = await capture(pool, () => caller.crm.catalogues());
      const orgSql = await capture(pool, () => caller.crm.organizations.list(ORGANIZATIONS_INPUT));
      console.log(`${r.role} (${r.scope}): statements per call: lead list ${leadSql.length}, board ${dealSql.length}, board page ${dealSql.length + catalogueSql.length + orgSql.length} (catalogues ${catalogueSql.length} in ${Math.max(...catalogueSql.map((s) => s.wave)) + 1} waves, organisations ${orgSql.length})`);
      if (r === roles[0]) for (const s of [...leadSql, ...dealSql]) console.log(`  ${short(s.sql)}  ${JSON.stringify(s.params)}`);
      if (process.env.BENCH_CRM_EXPLAIN === "1") {
        for (const [label, statements] of [["lead list", leadSql], ["board", dealSql]] as const) for (const s of statements) await explain(pool, `${r.role} ${label}`, s);
      }
      const mk = (label: string, api: () => Promise<number>, raw: () => Promise<number>): Case => ({ label, role: r.role, api, raw, lat: { api: [], raw: [] }, rows: { api: 0, raw: 0 } });
      cases.push(
        mk(`lead list first page (${LEAD_LIST_INPUT.pageSize} rows, modified desc, capped total)`, leadList, async () => pageRows(await replay(pool, leadSql))),
        mk("board (crm.board: per stage all its deals counted and valued, its 25 newest as cards)", boardDeals, async () => cardRows(await replay(pool, dealSql))),
        mk("board page (board + catalogues + organisations, in parallel)", boardPage, async () => cardRows((await Promise.all([replay(pool, dealSql), replay(pool, catalogueSql), replay(pool, orgSql)]))[0])),
      );
    }

    for (let i = 0; i < WARMUP; i++) for (const c of cases) await Promise.all([c.api(), c.raw()]);
    // Interleaved: every run measures every case, the SQL first, then the caller.
    for (let i = 0; i < QUERIES; i++) {
      for (const c of cases) {
        let start = performance.now();
        c.rows.raw = await c.raw();
        c.lat.raw.push(performance.now() - start);
        start = performance.now();
        c.rows.api = await c.api();
        c.lat.api.push(performance.now() - start);
      }
    }
    for (const c of cases) {
      const mismatch = c.rows.api !== c.rows.raw ? ` — ROW COUNT MISMATCH (SQL ${c.rows.raw})` : "";
      printCallerVsSql(`${c.role}: ${c.label}, ${c.rows.api} rows${mismatch}, ${QUERIES} runs each:`, c.lat.api, c.lat.raw);
    }
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
