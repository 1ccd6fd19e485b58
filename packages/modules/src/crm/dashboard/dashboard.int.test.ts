import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import type { ZodError } from "zod";
import { closeRedis, loadPrincipal } from "@orchestrator/auth";
import type { ScopedDb } from "@orchestrator/db";
import { closeDatabase, unsafeSystemDb } from "@orchestrator/db/system";
import { seedDemo } from "@orchestrator/db/testing";
import { createCaller } from "../../root";
import { contextFor } from "../../trpc/context";
import { seedCrmDemo } from "../demo";
import { backdateDeal, backdateLead } from "../demo/backdate";
import { historyLeads } from "../demo/history";
import { convertLead } from "../services/convert";
import { moveDeal } from "../services/deals";
import { addDays } from "./range";
import { scopedAs } from "../../testing/scoped-as";

/**
 * `crm.dashboard` over real MariaDB: every figure exactly, for a salesperson of each team and their
 * manager, on leads and deals moved back to March 2020 (CHF and EUR deals, so the demo's USD deals
 * stay out of the money figures); one team's rows never counted for the other's salesperson, even
 * when asked for; field errors for a bad range; and the demo seed's history as the manager sees it.
 */
const SALES = "sales@demo.orchestrator.test"; // East Coast
const SALES2 = "sales2@demo.orchestrator.test"; // West Coast
const MANAGER = "salesmanager@demo.orchestrator.test";
const db = () => unsafeSystemDb();
const at = (iso: string) => Date.parse(`${iso}Z`);
const MARCH = { from: "2020-03-01", to: "2020-03-31" };

const as = (user: string): Promise<ScopedDb> => scopedAs(user);
async function caller(user: string) {
  return createCaller(contextFor((await loadPrincipal(user))!, { requestId: "crm-dashboard-test" }));
}

interface Fixture { created: string; source?: string; deal?: { amount: number; currency: string; expected?: string; probability?: number; moves: [string, string][] } }

/** A lead created (and converted, moved) by `user` through the scoped layer, then moved back in time. */
async function fixture(user: string, first: string, f: Fixture): Promise<void> {
  const scoped = await as(user);
  const lead = await scoped.insert("CRM Lead", { first_name: first, last_name: "Fixture", ...(f.source ? { source: f.source } : {}) });
  if (!f.deal) return backdateLead(db(), lead.name, at(f.created));
  const { deal } = await convertLead(scoped, { lead: lead.name, deal: { amount: f.deal.amount, currency: f.deal.currency, ...(f.deal.expected ? { expected_close_date: f.deal.expected } : {}) } });
  for (const [stage] of f.deal.moves) await moveDeal(scoped, { name: deal.name, stage, ...(stage === "Lost" ? { lost_reason: "Too far" } : {}) });
  if (f.deal.probability !== undefined) await scoped.update("CRM Deal", deal.name, { probability: f.deal.probability });
  const dealCreated = at(f.created) + 2 * 3_600_000;
  await backdateLead(db(), lead.name, at(f.created), dealCreated);
  await backdateDeal(db(), deal.name, [dealCreated, ...f.deal.moves.map(([, when]) => at(when))]);
}

beforeAll(async () => {
  await seedDemo(db(), { passwordHash: "x", clientCount: 1 });
  await seedCrmDemo(db(), { passwordHash: "x" });
  // East Coast (Sasha): six leads, five converted; one won in 10 days, one lost, three open.
  await fixture(SALES, "E1", { created: "2020-03-02 10:00:00", source: "Website", deal: { amount: 10_000, currency: "CHF", moves: [["Won", "2020-03-12 12:00:00"]] } });
  await fixture(SALES, "E2", { created: "2020-03-03 10:00:00", source: "Website" });
  await fixture(SALES, "E3", { created: "2020-03-05 10:00:00", source: "Referral", deal: { amount: 5_000, currency: "CHF", moves: [["Lost", "2020-03-20 09:00:00"]] } });
  await fixture(SALES, "E4", { created: "2020-03-10 10:00:00", deal: { amount: 8_000, currency: "CHF", expected: "2020-04-15", moves: [["Negotiation", "2020-03-15 09:00:00"]] } });
  await fixture(SALES, "E5", { created: "2020-03-11 10:00:00", source: "Referral", deal: { amount: 2_000, currency: "CHF", probability: 50, moves: [] } });
  await fixture(SALES, "E6", { created: "2020-03-12 10:00:00", source: "Website", deal: { amount: 7_000, currency: "EUR", moves: [] } });
  // West Coast (Robin): three leads, two converted; one won in 20 days, one open.
  await fixture(SALES2, "W1", { created: "2020-03-04 10:00:00", source: "Website", deal: { amount: 20_000, currency: "CHF", moves: [["Won", "2020-03-24 12:00:00"]] } });
  await fixture(SALES2, "W2", { created: "2020-03-06 10:00:00", source: "Campaign" });
  await fixture(SALES2, "W3", { created: "2020-03-08 10:00:00", source: "Website", deal: { amount: 4_000, currency: "CHF", expected: "2020-05-01", moves: [["Demo/Making", "2020-03-09 09:00:00"]] } });
});
afterAll(async () => {
  await closeRedis();
  await closeDatabase();
});

const stages = (byStage: { stage: string; deals: number; amount: number; weighted: number }[]) => Object.fromEntries(byStage.filter((s) => s.deals).map((s) => [s.stage, [s.deals, s.amount, s.weighted]]));
const days = (series: { start: string; won: number; lost: number }[]) => series.filter((b) => b.won || b.lost).map((b) => [b.start, b.won, b.lost]);

describe("crm.dashboard", () => {
  it("gives a salesperson their team's figures only, exactly", async () => {
    const d = await (await caller(SALES)).crm.dashboard({ ...MARCH, currency: "CHF" });
    expect(d).toMatchObject({ from: "2020-03-01", to: "2020-03-31", team: null, teams: ["East Coast"], currency: "CHF" });
    expect(d.leads).toEqual({ created: 6, converted: 5, conversionRate: 5 / 6, bySource: [{ source: "Website", created: 3, converted: 2 }, { source: "Referral", created: 2, converted: 2 }, { source: null, created: 1, converted: 1 }] });
    expect(d.pipeline).toMatchObject({ deals: 2, amount: 10_000, weighted: 6_600 });
    expect(d.pipeline.byStage.map((s) => [s.stage, s.probability])).toEqual([["Qualification", 10], ["Demo/Making", 25], ["Proposal/Quotation", 50], ["Negotiation", 70], ["Ready to Close", 90]]);
    // The Qualification deal's own probability (50), not the stage's (10), weighs it.
    expect(stages(d.pipeline.byStage)).toEqual({ Qualification: [1, 2_000, 1_000], Negotiation: [1, 8_000, 5_600] });
    expect(d.forecast).toEqual({ weighted: 6_600, byMonth: [{ month: "2020-04", deals: 1, amount: 8_000, weighted: 5_600 }, { month: null, deals: 1, amount: 2_000, weighted: 1_000 }] });
    expect(d.currencies.filter((c) => c.currency !== "USD")).toEqual([{ currency: "CHF", deals: 2, amount: 10_000 }, { currency: "EUR", deals: 1, amount: 7_000 }]);
    expect(d.closed).toMatchObject({ granularity: "day", won: 1, lost: 1, avgDaysToClose: 10 });
    expect(d.closed.series).toHaveLength(31);
    expect(days(d.closed.series)).toEqual([["2020-03-12", 1, 0], ["2020-03-20", 0, 1]]);
  });

  it("never counts team B's rows for a salesperson of team A, even when they ask for team B", async () => {
    const west = await (await caller(SALES2)).crm.dashboard({ ...MARCH, currency: "CHF" });
    expect(west.teams).toEqual(["West Coast"]);
    expect(west.leads).toMatchObject({ created: 3, converted: 2, conversionRate: 2 / 3 });
    expect(west.pipeline).toMatchObject({ deals: 1, amount: 4_000, weighted: 1_000 });
    expect(west.closed).toMatchObject({ won: 1, lost: 0, avgDaysToClose: 20 });
    expect(west.currencies.map((c) => c.currency)).not.toContain("EUR");
    const asked = await (await caller(SALES)).crm.dashboard({ ...MARCH, team: "West Coast", currency: "CHF" });
    expect(asked.leads).toEqual({ created: 0, converted: 0, conversionRate: null, bySource: [] });
    expect(asked.pipeline.deals).toBe(0);
    expect(asked.closed).toMatchObject({ won: 0, lost: 0, avgDaysToClose: null });
  });

  it("adds up both teams for their manager, and narrows to one team on request", async () => {
    const all = await (await caller(MANAGER)).crm.dashboard({ ...MARCH, currency: "CHF" });
    expect(all.teams).toEqual(["East Coast", "West Coast"]);
    expect(all.leads).toMatchObject({ created: 9, converted: 7 });
    expect(all.leads.bySource[0]).toEqual({ source: "Website", created: 5, converted: 4 });
    expect(all.pipeline).toMatchObject({ deals: 3, amount: 14_000, weighted: 7_600 });
    expect(all.closed).toMatchObject({ won: 2, lost: 1, avgDaysToClose: 15 });
    const west = await (await caller(MANAGER)).crm.dashboard({ ...MARCH, team: "West Coast", currency: "CHF" });
    expect(west).toMatchObject({ team: "West Coast", leads: { created: 3, converted: 2 }, pipeline: { deals: 1, weighted: 1_000 }, closed: { won: 1, lost: 0 } });
    // Weeks (from Monday) beyond 31 days: the two wins fall in the weeks of 9 and 23 March.
    const quarter = await (await caller(MANAGER)).crm.dashboard({ from: "2020-02-01", to: "2020-04-30", currency: "CHF" });
    expect(quarter.closed.granularity).toBe("week");
    expect(days(quarter.closed.series)).toEqual([["2020-03-09", 1, 0], ["2020-03-16", 0, 1], ["2020-03-23", 1, 0]]);
  });

  it("refuses a backwards, too long or malformed range with field errors", async () => {
    const fields = async (input: Parameters<Awaited<ReturnType<typeof caller>>["crm"]["dashboard"]>[0]) => {
      const error = await (await caller(SALES)).crm.dashboard(input).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("BAD_REQUEST");
      return ((error as TRPCError).cause as ZodError).issues.map((i) => i.path.join("."));
    };
    expect(await fields({ from: "2020-03-31", to: "2020-03-01" })).toEqual(["to"]);
    expect(await fields({ from: "2020-01-01", to: "2021-01-01" })).toEqual(["from"]);
    expect(await fields({ from: "2020-02-30", to: "2020-03-01" })).toEqual(["from"]);
    expect(await fields({ ...MARCH, currency: "chf" })).toEqual(["currency"]);
    await expect((await caller(SALES)).crm.dashboard({ from: "2020-01-01", to: "2020-12-31" })).resolves.toMatchObject({ closed: { granularity: "week" } });
  });

  it("shows the demo's history to its manager: the last 90 days' leads, wins and losses, the open USD pipeline", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const d = await (await caller(MANAGER)).crm.dashboard({ from: addDays(today, -89), to: today });
    const history = historyLeads.filter((h) => h.deal?.closedDaysAgo !== undefined);
    const wins = history.filter((h) => h.deal!.moves.at(-1) === "Won");
    // Six leads seeded today and the twenty of the last 90 days; the history's deals were created a day after their lead (2 h before that day's time).
    expect(d.leads.created).toBe(6 + historyLeads.length);
    expect(d.currency).toBe("USD");
    expect(d.closed).toMatchObject({ granularity: "week", won: wins.length, lost: history.length - wins.length });
    const avg = wins.reduce((s, h) => s + h.daysAgo - 1 - h.deal!.closedDaysAgo! + 1 / 12, 0) / wins.length;
    expect(d.closed.avgDaysToClose).toBe(Math.round(avg * 10) / 10);
    const openHistory = historyLeads.filter((h) => h.deal && h.deal.closedDaysAgo === undefined);
    expect(d.pipeline.deals).toBe(2 + 2 + openHistory.length);
    expect(d.leads.bySource.length).toBeGreaterThanOrEqual(6);
  });
});
