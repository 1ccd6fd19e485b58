import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRedis, generateApiKeys } from "@orchestrator/auth";
import type { ScopedDb } from "@orchestrator/db";
import { leadStatuses } from "@orchestrator/db/schema";
import { closeDatabase, schema, unsafeSystemDb } from "@orchestrator/db/system";
import { seedDemo } from "@orchestrator/db/testing";
import { startApiServer } from "../../testing/server";
import { seedCrmDemo } from "../demo";
import { groupCounts } from "./groups";
import { listRecords } from "./records";
import { refusedFields, scopedAs } from "../../testing/scoped-as";

/**
 * Group counts of the CRM lists (`crm.leads.groups`, `crm.deals.groups`) over real MariaDB: exact per
 * value under the caller's scope (a team-A user never counts team-B rows), the list's filters and
 * search applied, a field outside the whitelist refused with a field error; a grouped list page comes
 * ordered by the group first, as the headings are.
 */
const SALES = "sales@demo.orchestrator.test"; // East Coast
const SALES2 = "sales2@demo.orchestrator.test"; // West Coast
const MANAGER = "salesmanager@demo.orchestrator.test"; // both teams

let api: { url: string; close: () => Promise<void> };
let token = "";

const as = (user: string): Promise<ScopedDb> => scopedAs(user);
const leadsOf = async () => unsafeSystemDb().select({ team: schema.crmLeads.team, status: schema.crmLeads.status, source: schema.crmLeads.source, lastName: schema.crmLeads.lastName }).from(schema.crmLeads);
/** Counts per value in the database's order: empty first, then a status by its place in the enum, anything else alphabetically. */
function tally(values: (string | null)[], order: readonly string[] = []): { value: string | null; count: number }[] {
  const counts = new Map<string | null, number>();
  for (const v of values) counts.set(v || null, (counts.get(v || null) ?? 0) + 1);
  const rank = (v: string) => (order.length ? order.indexOf(v) : 0);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => (a.value === null ? -1 : b.value === null ? 1 : rank(a.value) - rank(b.value) || a.value.localeCompare(b.value)));
}
beforeAll(async () => {
  await seedDemo(unsafeSystemDb(), { passwordHash: "x", clientCount: 1 });
  await seedCrmDemo(unsafeSystemDb(), { passwordHash: "x" });
  const east = await as(SALES);
  const west = await as(SALES2);
  for (const [first, status, source] of [["Ann", "New", "Website"], ["Ben", "Nurture", "Referral"], ["Cal", "Nurture", null]] as const) {
    await east.insert("CRM Lead", { first_name: first, last_name: "Groupson", organization: "Groupson Care", status, source, team: "East Coast" });
  }
  for (const [first, status] of [["Dee", "Nurture"], ["Eli", "Junk"]] as const) await west.insert("CRM Lead", { first_name: first, last_name: "Groupson", organization: "Groupson Care", status, team: "West Coast" });
  api = await startApiServer();
  const pair = await generateApiKeys(SALES);
  token = `${pair.api_key}:${pair.api_secret}`;
});
afterAll(async () => {
  await api.close();
  await closeRedis();
  await closeDatabase();
});

describe("CRM list group counts", () => {
  it("counts exactly per value, within the caller's teams only", async () => {
    const rows = await leadsOf();
    const east = rows.filter((r) => r.team === "East Coast");
    expect(await groupCounts(await as(SALES), "CRM Lead", { field: "status" })).toEqual(tally(east.map((r) => r.status), leadStatuses));
    expect(await groupCounts(await as(SALES), "CRM Lead", { field: "source" })).toEqual(tally(east.map((r) => r.source)));
    // The team-A user never counts team B's Junk lead; the manager of both teams does.
    expect((await groupCounts(await as(SALES), "CRM Lead", { field: "status" })).find((g) => g.value === "Junk")).toBeUndefined();
    expect(await groupCounts(await as(MANAGER), "CRM Lead", { field: "status" })).toEqual(tally(rows.map((r) => r.status), leadStatuses));
    expect(await groupCounts(await as(MANAGER), "CRM Lead", { field: "team" })).toEqual(tally(rows.map((r) => r.team)));
  });

  it("applies the list's filters and search, and adds up to the list's total", async () => {
    const sales = await as(SALES);
    const input = { filters: [{ field: "status", value: "Nurture" }], search: "Groupson" };
    const groups = await groupCounts(sales, "CRM Lead", { field: "source", ...input });
    expect(groups).toEqual([{ value: null, count: 1 }, { value: "Referral", count: 1 }]);
    const list = await listRecords(sales, "CRM Lead", { ...input, page: 1, pageSize: 20 });
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(list.total);
    expect(await groupCounts(sales, "CRM Lead", { field: "status", filters: [{ field: "source", value: null }], search: "Groupson" })).toEqual([{ value: "Nurture", count: 1 }]);
  });

  it("a grouped page is ordered by the group first, then by the sort", async () => {
    const manager = await as(MANAGER);
    const page = await listRecords(manager, "CRM Lead", { search: "Groupson", groupBy: "status", sort: { field: "lead_name", direction: "asc" }, page: 1, pageSize: 20 });
    // A status is an enum: it orders by its place in the list of statuses, New first.
    expect(page.rows.map((r) => [r.status, r.first_name])).toEqual([["New", "Ann"], ["Nurture", "Ben"], ["Nurture", "Cal"], ["Nurture", "Dee"], ["Junk", "Eli"]]);
    const groups = await groupCounts(manager, "CRM Lead", { field: "status", search: "Groupson" });
    expect(groups.map((g) => g.value)).toEqual([...new Set(page.rows.map((r) => r.status))]);
  });

  it("refuses a field outside the whitelist, or a filter on an unknown field, with a field error", async () => {
    const sales = await as(SALES);
    expect(await refusedFields(groupCounts(sales, "CRM Lead", { field: "email" }))).toEqual(["field"]);
    expect(await refusedFields(groupCounts(sales, "CRM Deal", { field: "source" }))).toEqual(["field"]);
    expect(await refusedFields(groupCounts(sales, "CRM Note", { field: "title" }))).toEqual(["field"]);
    expect(await refusedFields(groupCounts(sales, "CRM Lead", { field: "status", filters: [{ field: "nope", value: "x" }] }))).toEqual(["filters.nope"]);
    expect(await refusedFields(listRecords(sales, "CRM Lead", { groupBy: "email", page: 1, pageSize: 20 }))).toEqual(["groupBy"]);
  });

  it("over tRPC: crm.leads.groups answers the counts; a non-groupable field is BAD_REQUEST with the field named", async () => {
    const call = async (input: unknown) => {
      const res = await fetch(`${api.url}/api/trpc/crm.leads.groups?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { authorization: `token ${token}` } });
      return { status: res.status, body: (await res.json()) as { result?: { data: unknown }; error?: { data?: { code?: string; fieldErrors?: { field: string }[] } } } };
    };
    const ok = await call({ field: "team" });
    expect(ok.status).toBe(200);
    expect(ok.body.result?.data).toEqual([{ value: "East Coast", count: (await leadsOf()).filter((r) => r.team === "East Coast").length }]);
    const refused = await call({ field: "email" });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.data?.code).toBe("BAD_REQUEST");
    expect(refused.body.error?.data?.fieldErrors?.map((f) => f.field)).toEqual(["field"]);
  });
});
