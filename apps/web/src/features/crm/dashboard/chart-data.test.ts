import { describe, expect, it } from "vitest";
import { forecastByMonth, leadsBySource, pipelineByStage, wonLost, type Dashboard } from "./chart-data";

const dashboard: Dashboard = {
  from: "2026-03-01",
  to: "2026-03-03",
  team: null,
  teams: ["East Coast"],
  currency: "USD",
  currencies: [{ currency: "USD", deals: 1, amount: 8000 }],
  leads: { created: 3, converted: 1, conversionRate: 1 / 3, bySource: [{ source: "Website", created: 2, converted: 1 }, { source: null, created: 1, converted: 0 }] },
  pipeline: { deals: 1, amount: 8000, weighted: 5600, byStage: [{ stage: "Qualification", probability: 10, deals: 0, amount: 0, weighted: 0 }, { stage: "Negotiation", probability: 70, deals: 1, amount: 8000, weighted: 5600 }] },
  closed: { granularity: "day", won: 1, lost: 0, avgDaysToClose: 4, series: [{ start: "2026-03-01", won: 0, lost: 0 }, { start: "2026-03-02", won: 1, lost: 0 }, { start: "2026-03-03", won: 0, lost: 0 }] },
  forecast: { weighted: 5600, byMonth: [{ month: "2026-04", deals: 1, amount: 8000, weighted: 5600 }] },
  generatedAt: "2026-03-03T12:00:00.000Z",
};
const none: Dashboard = { ...dashboard, leads: { created: 0, converted: 0, conversionRate: null, bySource: [] }, pipeline: { ...dashboard.pipeline, deals: 0 }, closed: { ...dashboard.closed, won: 0 }, forecast: { weighted: 0, byMonth: [] } };

describe("the charts' data, words and tables", () => {
  it("names a missing source and lists leads per source", () => {
    const m = leadsBySource(dashboard);
    expect(m.data).toEqual([{ label: "Website", created: 2, converted: 1 }, { label: "No source", created: 1, converted: 0 }]);
    expect(m.summary).toBe("Website 2 leads, 1 converted; No source 1 leads, 0 converted");
    expect(m.table.rows).toEqual([["Website", "2", "1"], ["No source", "1", "0"]]);
  });

  it("writes the pipeline's money in the dashboard's currency, with each stage's probability", () => {
    const m = pipelineByStage(dashboard);
    expect(m.table.rows[1]).toEqual(["Negotiation", "70%", "1", "$8,000", "$5,600"]);
    expect(m.table.caption).toBe("Open pipeline by stage, USD");
  });

  it("sums up the closed series in words, naming only days with deals", () => {
    const m = wonLost(dashboard);
    expect(m.summary).toBe("1 won and 0 lost: day 2026-03-02 1 won, 0 lost");
    expect(m.table.columns[0]).toBe("Day");
    expect(m.table.rows).toHaveLength(3);
    expect(m.data[1]).toEqual({ label: "Mar 2", won: 1, lost: 0 });
  });

  it("labels forecast months, and says when a chart has nothing to show", () => {
    expect(forecastByMonth(dashboard).table.rows).toEqual([["Apr 2026", "1", "$8,000", "$5,600"]]);
    expect([leadsBySource(dashboard), pipelineByStage(dashboard), wonLost(dashboard), forecastByMonth(dashboard)].map((m) => m.empty)).toEqual([undefined, undefined, undefined, undefined]);
    expect([leadsBySource(none), pipelineByStage(none), wonLost(none), forecastByMonth(none)].map((m) => m.empty)).toEqual(["No leads were created in this range.", "No open deals in USD.", "No deal was won or lost in this range.", "No open deals in USD."]);
  });
});
