import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRedis } from "@orchestrator/auth";
import type { ScopedDb } from "@orchestrator/db";
import { closeDatabase, schema, unsafeSystemDb } from "@orchestrator/db/system";
import { seedDemo } from "@orchestrator/db/testing";
import { asc, desc, eq } from "drizzle-orm";
import { seedCrmDemo } from "./demo";
import { scopedAs } from "../testing/scoped-as";

/**
 * A sales user's paged lists are merged from one query per team plus their own rows outside them
 * (ScopedDb.list, `teamReadBranches`). Against the plain `owner = me OR team IN (…)` predicate
 * (`selectScoped` still uses it): the same rows in the same order, for every page, sort and field set,
 * with search and filters — and never a row of a team the user is not in.
 */
const SALES = "sales@demo.orchestrator.test"; // East Coast
const SALES2 = "sales2@demo.orchestrator.test"; // West Coast
const MANAGER = "salesmanager@demo.orchestrator.test"; // both teams

const db = () => unsafeSystemDb();
const as = (user: string): Promise<ScopedDb> => scopedAs(user);

const l = schema.crmLeads;
let sales: ScopedDb;

beforeAll(async () => {
  await seedDemo(db(), { passwordHash: "x", clientCount: 1 });
  await seedCrmDemo(db(), { passwordHash: "x" });
  sales = await as(SALES);
  const manager = await as(MANAGER);
  const west = await as(SALES2);
  // East Coast leads of the salesperson and of others (the manager's, given to East's rule); West
  // Coast leads owned by the East salesperson (theirs, outside their team) and by West's.
  for (let i = 0; i < 7; i++) await manager.insert("CRM Lead", { first_name: `East${i % 3}`, last_name: `M${i}`, team: "East Coast", source: i % 2 ? "Referral" : "Website" });
  for (let i = 0; i < 4; i++) await sales.insert("CRM Lead", { first_name: `Mine${i % 2}`, last_name: `S${i}`, source: "Website", status: (["New", "Nurture", "Junk", "Contacted"] as const)[i] });
  for (let i = 0; i < 3; i++) await manager.insert("CRM Lead", { first_name: `Away${i}`, last_name: "W", team: "West Coast", lead_owner: SALES2 });
  const [away] = await db().select({ name: l.name }).from(l).where(eq(l.firstName, "Away0"));
  // One West Coast lead is the East salesperson's own: they see it through the owner branch.
  await db().update(l).set({ leadOwner: SALES }).where(eq(l.name, away!.name));
  for (let i = 0; i < 3; i++) await west.insert("CRM Lead", { first_name: `West${i}`, last_name: "Only" });
});
afterAll(async () => {
  await closeRedis();
  await closeDatabase();
});

type Sort = { field: string; direction: "asc" | "desc" };
const column = { modified: l.modified, first_name: l.firstName, creation: l.creation, name: l.name, status: l.status } as const;

/** The reference: the same page through the OR predicate, sorted the same way with the name tie-breaker. */
async function reference(scoped: ScopedDb, sort: Sort | undefined, start: number, limit: number, where?: Parameters<ScopedDb["selectScoped"]>[2]): Promise<string[]> {
  const s = sort ?? { field: "modified", direction: "desc" as const };
  const c = column[s.field as keyof typeof column];
  const by = s.direction === "asc" ? [asc(c), ...(s.field === "name" ? [] : [asc(l.name)])] : [desc(c), ...(s.field === "name" ? [] : [desc(l.name)])];
  const rows = await scoped.selectScoped<{ name: string }>("CRM Lead", { name: l.name }, where, { orderBy: by, limit, offset: start });
  return rows.map((r) => r.name);
}

describe("a sales user's merged team list", () => {
  it("equals the plain predicate's page for every page, sort and field set", async () => {
    const total = await sales.count("CRM Lead");
    expect(total).toBeGreaterThanOrEqual(12);
    // `status` is an ENUM: it sorts by its place in the list of statuses, in the merge as in each branch.
    const sorts: (Sort | undefined)[] = [undefined, { field: "first_name", direction: "asc" }, { field: "creation", direction: "asc" }, { field: "name", direction: "desc" }, { field: "status", direction: "asc" }];
    for (const sort of sorts) {
      const seen: string[] = [];
      for (let start = 0; start < total + 3; start += 5) {
        const page = await sales.list("CRM Lead", { fields: ["name", "lead_name"], orderBy: sort ? [sort] : undefined, start, limit: 5 });
        expect(page.map((r) => r.name), `sort ${JSON.stringify(sort)} from ${start}`).toEqual(await reference(sales, sort, start, 5));
        // Sort columns selected only to merge are not returned.
        for (const row of page) expect(Object.keys(row).sort()).toEqual(["lead_name", "name"]);
        seen.push(...page.map((r) => String(r.name)));
      }
      expect(new Set(seen).size).toBe(total);
    }
  });

  it("keeps search and filters, sees its own row in another team, and never another team's", async () => {
    const filtered = await sales.list("CRM Lead", { fields: ["name", "first_name", "team", "lead_owner"], filters: [{ field: "source", operator: "=", value: "Website" }], limit: 50 });
    expect(filtered.map((r) => r.name)).toEqual(await reference(sales, undefined, 0, 50, eq(l.source, "Website")));
    const searched = await sales.list("CRM Lead", { fields: ["name", "first_name"], search: "Mine1", limit: 50 });
    expect(searched.map((r) => r.first_name)).toEqual(["Mine1", "Mine1"]);
    const all = await sales.list("CRM Lead", { fields: ["name", "first_name", "team", "lead_owner"], limit: 100 });
    expect(all.filter((r) => r.team === "West Coast").map((r) => [r.first_name, r.lead_owner])).toEqual([["Away0", SALES]]);
    expect(all.some((r) => String(r.first_name).startsWith("West"))).toBe(false);
  });
});
