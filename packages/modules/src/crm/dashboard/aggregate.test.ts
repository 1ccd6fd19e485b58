import { describe, expect, it } from "vitest";
import type { Stage } from "../hooks/deal-hook";
import { foldClosed, foldLeads, foldOpen, pickCurrency, type OpenRow } from "./aggregate";

const stage = (name: string, probability: number, type: Stage["type"] = "Open"): Stage => ({ name, position: 0, probability, type, requiresLostReason: false });
const open = [stage("Qualification", 10), stage("Negotiation", 70)];
const row = (stage: string, currency: string, month: string | null, deals: number, amount: string, weighted: string): OpenRow => ({ stage, currency, month, deals, amount, weighted });

describe("foldLeads", () => {
  it("sorts sources by leads, a missing source last, and divides converted by created", () => {
    const leads = foldLeads([{ source: null, created: 2, converted: "0" }, { source: "Website", created: 1, converted: "1" }, { source: "Referral", created: 2, converted: "1" }]);
    expect(leads.bySource.map((s) => s.source)).toEqual(["Referral", null, "Website"]);
    expect(leads).toMatchObject({ created: 5, converted: 2, conversionRate: 0.4 });
  });

  it("has no rate without leads", () => {
    expect(foldLeads([]).conversionRate).toBeNull();
  });
});

describe("pickCurrency and foldOpen", () => {
  const rows = [row("Qualification", "USD", "2025-04", 2, "1000.50", "100.05"), row("Negotiation", "USD", null, 1, "2000", "1400"), row("Negotiation", "EUR", "2025-05", 1, "9000", "6300")];

  it("reports the currency most open deals use unless one is asked for, listing them all", () => {
    expect(pickCurrency(rows, undefined)).toEqual({ currency: "USD", currencies: [{ currency: "USD", deals: 3, amount: 3000.5 }, { currency: "EUR", deals: 1, amount: 9000 }] });
    expect(pickCurrency(rows, "EUR").currency).toBe("EUR");
    expect(pickCurrency([], undefined)).toEqual({ currency: "USD", currencies: [] });
  });

  it("adds up one currency per stage (every open stage, in order) and per month (no date last)", () => {
    const { pipeline, forecast } = foldOpen(rows, open, "USD");
    expect(pipeline).toEqual({ deals: 3, amount: 3000.5, weighted: 1500.05, byStage: [{ stage: "Qualification", probability: 10, deals: 2, amount: 1000.5, weighted: 100.05 }, { stage: "Negotiation", probability: 70, deals: 1, amount: 2000, weighted: 1400 }] });
    expect(forecast).toEqual({ weighted: 1500.05, byMonth: [{ month: "2025-04", deals: 2, amount: 1000.5, weighted: 100.05 }, { month: null, deals: 1, amount: 2000, weighted: 1400 }] });
    expect(foldOpen(rows, open, "CHF").pipeline.byStage.map((s) => s.deals)).toEqual([0, 0]);
  });
});

describe("foldClosed", () => {
  const types = new Map<string, Stage["type"]>([["Won", "Won"], ["Lost", "Lost"], ["Qualification", "Open"]]);

  it("counts per day for a month and averages days to a win over won deals only", () => {
    const closed = foldClosed([{ day: "2025-03-02", stage: "Won", deals: 2, seconds: String(86_400 * 7) }, { day: "2025-03-02", stage: "Lost", deals: 1, seconds: "999999" }, { day: "2025-03-03", stage: "Won", deals: 1, seconds: 86_400 * 2 }], types, "2025-03-01", "2025-03-03");
    expect(closed).toEqual({ granularity: "day", won: 3, lost: 1, avgDaysToClose: 3, series: [{ start: "2025-03-01", won: 0, lost: 0 }, { start: "2025-03-02", won: 2, lost: 1 }, { start: "2025-03-03", won: 1, lost: 0 }] });
  });

  it("counts per week from Monday for longer ranges and has no average without wins", () => {
    const closed = foldClosed([{ day: "2025-03-09", stage: "Lost", deals: 1, seconds: 0 }, { day: "2025-03-10", stage: "Lost", deals: 2, seconds: 0 }], types, "2025-03-01", "2025-04-15");
    expect(closed.granularity).toBe("week");
    expect(closed.series.slice(0, 3)).toEqual([{ start: "2025-02-24", won: 0, lost: 0 }, { start: "2025-03-03", won: 0, lost: 1 }, { start: "2025-03-10", won: 0, lost: 2 }]);
    expect(closed.avgDaysToClose).toBeNull();
  });
});
