import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRedis, generateApiKeys, loadPrincipal } from "@orchestrator/auth";
import { createScopedDb } from "@orchestrator/db";
import { closeDatabase, unsafeSystemDb } from "@orchestrator/db/system";
import { seedDemo } from "@orchestrator/db/testing";
import Papa from "papaparse";
import { registry } from "../../registry";
import { startApiServer } from "../../testing/server";
import { seedCrmDemo } from "../demo";

/** CSV export of a CRM list over REST and tRPC: the caller's rows only, the columns asked for, formula cells neutralised. */
const SALES = "sales@demo.orchestrator.test"; // East Coast
const SALES2 = "sales2@demo.orchestrator.test"; // West Coast

let api: { url: string; close: () => Promise<void> };
let token = "";

const get = (path: string) => fetch(`${api.url}${path}`, { headers: { authorization: `token ${token}` } });
const parse = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;

beforeAll(async () => {
  await seedDemo(unsafeSystemDb(), { passwordHash: "x", clientCount: 1 });
  await seedCrmDemo(unsafeSystemDb(), { passwordHash: "x" });
  api = await startApiServer();
  const pair = await generateApiKeys(SALES);
  token = `${pair.api_key}:${pair.api_secret}`;
  const as = async (user: string) => createScopedDb((await loadPrincipal(user))!, { requestId: "export-test" }, registry);
  await (await as(SALES)).insert("CRM Lead", { first_name: "Eve", last_name: "=HYPERLINK(1)", email: "eve@east.example" });
  await (await as(SALES2)).insert("CRM Lead", { first_name: "Walt", last_name: "West", email: "walt@west.example" });
});
afterAll(async () => {
  await api.close();
  await closeRedis();
  await closeDatabase();
});

describe("CRM list export", () => {
  it("REST: text/csv attachment with the asked columns and only the caller's rows", async () => {
    const res = await get(`/api/method/orchestrator.crm.export?doctype=${encodeURIComponent("CRM Lead")}&fields=${encodeURIComponent(JSON.stringify(["email", "last_name", "team"]))}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="crm-lead-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs (text() would hide it)
    const text = bytes.toString("utf8");
    const [header, ...rows] = parse(text);
    expect(header).toEqual(["email", "last_name", "team"]);
    expect(rows).toContainEqual(["eve@east.example", "'=HYPERLINK(1)", "East Coast"]);
    expect(rows.map((r) => r[0])).not.toContain("walt@west.example");
    expect(rows.every((r) => r[2] === "East Coast")).toBe(true);
    expect(res.headers.get("x-export-rows")).toBe(String(rows.length));
  });

  it("REST: filters apply, an unknown field or DocType is a field error", async () => {
    const filtered = await get(`/api/method/orchestrator.crm.export?doctype=CRM%20Lead&fields=${encodeURIComponent('["email"]')}&filters=${encodeURIComponent('[["email","=","eve@east.example"]]')}`);
    expect(parse(await filtered.text())).toEqual([["email"], ["eve@east.example"]]);
    const unknown = await get(`/api/method/orchestrator.crm.export?doctype=CRM%20Lead&fields=${encodeURIComponent('["email","password"]')}`);
    expect(unknown.status).toBe(417);
    expect(await unknown.text()).toContain("password");
    expect((await get("/api/method/orchestrator.crm.export?doctype=Client")).status).toBe(417);
  });

  it("tRPC crm.exportCsv: the list view's default columns", async () => {
    const input = encodeURIComponent(JSON.stringify({ doctype: "CRM Lead", filters: [{ field: "email", value: "eve@east.example" }] }));
    const res = await get(`/api/trpc/crm.exportCsv?input=${input}`);
    expect(res.status).toBe(200);
    const out = ((await res.json()) as { result: { data: { csv: string; rows: number; truncated: boolean } } }).result.data;
    expect(out).toMatchObject({ rows: 1, truncated: false });
    const [header, row] = parse(out.csv);
    expect(header!.slice(0, 4)).toEqual(["name", "first_name", "last_name", "email"]);
    expect(row![1]).toBe("Eve");
  });

  it("tRPC crm.exportCsv: the view's order when given", async () => {
    const rows = async (direction: "asc" | "desc") => {
      const input = encodeURIComponent(JSON.stringify({ doctype: "CRM Lead", fields: ["email"], orderBy: [{ field: "email", direction }] }));
      const res = await get(`/api/trpc/crm.exportCsv?input=${input}`);
      return parse(((await res.json()) as { result: { data: { csv: string } } }).result.data.csv).slice(1).map((r) => r[0]!);
    };
    const ascending = await rows("asc");
    expect(ascending.length).toBeGreaterThan(1);
    expect(ascending).toEqual([...ascending].sort());
    expect(await rows("desc")).toEqual([...ascending].reverse());
  });
});
