import type { RouterOutputs } from "@orchestrator/modules";
import type { ChartTable } from "./chart-card";
import { dayLabel, money, monthLabel } from "./figures";

/** What each chart draws, says in words and lists in its table, from the dashboard's figures. */
export type Dashboard = RouterOutputs["crm"]["dashboard"];

export interface ChartModel {
  data: Record<string, string | number>[];
  summary: string;
  table: ChartTable;
  empty: string | undefined;
}

const sourceName = (source: string | null) => source ?? "No source";

export function leadsBySource(d: Dashboard): ChartModel {
  const rows = d.leads.bySource;
  return {
    data: rows.map((r) => ({ label: sourceName(r.source), created: r.created, converted: r.converted })),
    summary: rows.map((r) => `${sourceName(r.source)} ${r.created} leads, ${r.converted} converted`).join("; "),
    table: { caption: "Leads created in the range by source", columns: ["Source", "Leads", "Converted"], rows: rows.map((r) => [sourceName(r.source), String(r.created), String(r.converted)]) },
    empty: rows.length ? undefined : "No leads were created in this range.",
  };
}

export function pipelineByStage(d: Dashboard): ChartModel {
  const rows = d.pipeline.byStage;
  const m = (n: number) => money(n, d.currency);
  return {
    data: rows.map((r) => ({ label: r.stage, amount: r.amount, weighted: r.weighted })),
    summary: rows.map((r) => `${r.stage} (${r.probability}%) ${r.deals} deals, ${m(r.amount)}, weighted ${m(r.weighted)}`).join("; "),
    table: { caption: `Open pipeline by stage, ${d.currency}`, columns: ["Stage", "Probability", "Deals", "Value", "Weighted value"], rows: rows.map((r) => [r.stage, `${r.probability}%`, String(r.deals), m(r.amount), m(r.weighted)]) },
    empty: d.pipeline.deals ? undefined : `No open deals in ${d.currency}.`,
  };
}

export function wonLost(d: Dashboard): ChartModel {
  const rows = d.closed.series;
  const period = d.closed.granularity === "day" ? "Day" : "Week of";
  const label = (start: string) => (d.closed.granularity === "day" ? dayLabel(start) : `Wk ${dayLabel(start)}`);
  const busy = rows.filter((r) => r.won || r.lost);
  return {
    data: rows.map((r) => ({ label: label(r.start), won: r.won, lost: r.lost })),
    summary: `${d.closed.won} won and ${d.closed.lost} lost${busy.length ? `: ${busy.map((r) => `${period.toLowerCase()} ${r.start} ${r.won} won, ${r.lost} lost`).join("; ")}` : ""}`,
    table: { caption: `Deals won and lost per ${d.closed.granularity}`, columns: [period, "Won", "Lost"], rows: rows.map((r) => [r.start, String(r.won), String(r.lost)]) },
    empty: d.closed.won + d.closed.lost ? undefined : "No deal was won or lost in this range.",
  };
}

export function forecastByMonth(d: Dashboard): ChartModel {
  const rows = d.forecast.byMonth;
  const m = (n: number) => money(n, d.currency);
  return {
    data: rows.map((r) => ({ label: monthLabel(r.month), weighted: r.weighted, amount: r.amount })),
    summary: rows.map((r) => `${monthLabel(r.month)} ${r.deals} deals, weighted ${m(r.weighted)} of ${m(r.amount)}`).join("; "),
    table: { caption: `Weighted forecast by expected close month, ${d.currency}`, columns: ["Expected close", "Deals", "Value", "Weighted value"], rows: rows.map((r) => [monthLabel(r.month), String(r.deals), m(r.amount), m(r.weighted)]) },
    empty: rows.length ? undefined : `No open deals in ${d.currency}.`,
  };
}
