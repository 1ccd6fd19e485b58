import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRedis } from "@orchestrator/auth";
import { closeDatabase, schema, unsafeSystemDb } from "@orchestrator/db/system";
import { seedDemo } from "@orchestrator/db/testing";
import { or, eq } from "drizzle-orm";
import { scopedAs } from "../../testing/scoped-as";
import { seedCrmDemo } from "../demo";
import { moveDeal } from "./deals";
import { loadBoard } from "./board";

/**
 * The pipeline board over real MariaDB: each column counts and values every deal of its stage the
 * caller may read (not only the cards shown), cards are the stage's most recently changed deals up to
 * the column's limit, and another team's deals are neither shown nor counted.
 */
const SALES = "sales@demo.orchestrator.test"; // East Coast
const MANAGER = "salesmanager@demo.orchestrator.test";
const d = schema.crmDeals;

beforeAll(async () => {
  await seedDemo(unsafeSystemDb(), { passwordHash: "x", clientCount: 1 });
  await seedCrmDemo(unsafeSystemDb(), { passwordHash: "x" });
});
afterAll(async () => {
  await closeRedis();
  await closeDatabase();
});

/** Per stage: count and amount by currency of the deals `where` selects, straight from the table. */
async function expected(where: ReturnType<typeof eq> | ReturnType<typeof or>) {
  const rows = await unsafeSystemDb().select({ status: d.status, currency: d.currency, amount: d.amount }).from(d).where(where);
  const out = new Map<string, { total: number; amounts: Map<string, number> }>();
  for (const r of rows) {
    const column = out.get(r.status) ?? { total: 0, amounts: new Map() };
    column.total += 1;
    column.amounts.set(r.currency || "USD", (column.amounts.get(r.currency || "USD") ?? 0) + Number(r.amount ?? 0));
    out.set(r.status, column);
  }
  return out;
}

describe("crm.board", () => {
  it("counts and values every deal of each stage in the caller's scope, in stage order; another team's are left out", async () => {
    const sales = await scopedAs(SALES);
    const board = await loadBoard(sales, {});
    const reference = await expected(or(eq(d.team, "East Coast"), eq(d.dealOwner, SALES))!);
    expect(board.columns.map((c) => c.stage)).toEqual(["Qualification", "Demo/Making", "Proposal/Quotation", "Negotiation", "Ready to Close", "Won", "Lost"]);
    expect(board.columns.reduce((n, c) => n + c.total, 0)).toBeGreaterThan(0);
    for (const column of board.columns) {
      const want = reference.get(column.stage);
      expect(column.total, column.stage).toBe(want?.total ?? 0);
      expect(Object.fromEntries(column.amounts.map((a) => [a.currency, a.amount])), column.stage).toEqual(Object.fromEntries(want?.amounts ?? []));
      expect(column.deals.every((deal) => deal.status === column.stage && deal.team === "East Coast")).toBe(true);
      expect(column.deals).toHaveLength(Math.min(25, column.total));
    }
    const managers = await loadBoard(await scopedAs(MANAGER), {});
    expect(managers.columns.reduce((n, c) => n + c.total, 0)).toBeGreaterThan(board.columns.reduce((n, c) => n + c.total, 0));
  });

  it("shows a column's most recently changed deals up to its limit; a moved deal heads its new column", async () => {
    const manager = await scopedAs(MANAGER);
    const before = await loadBoard(manager, { limits: { Won: 1 } });
    const won = before.columns.find((c) => c.stage === "Won")!;
    expect(won.total).toBeGreaterThan(1);
    expect(won.deals).toHaveLength(1);
    const open = before.columns.find((c) => c.stage === "Negotiation")!;
    const moved = open.deals.at(-1)!;
    await moveDeal(manager, { name: String(moved.name), stage: "Won" });
    const after = await loadBoard(manager, { limits: { Won: 1 } });
    expect(after.columns.find((c) => c.stage === "Won")).toMatchObject({ total: won.total + 1, deals: [expect.objectContaining({ name: moved.name })] });
    expect(after.columns.find((c) => c.stage === "Negotiation")!.total).toBe(open.total - 1);
  });
});
