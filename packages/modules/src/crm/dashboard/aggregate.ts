import type { Stage } from "../hooks/deal-hook";
import { bucketStart, bucketStarts, granularityOf } from "./range";
import type { CrmDashboard } from "./schemas";

/**
 * The dashboard's figures folded from its grouped queries' rows (load.ts), kept pure so the
 * arithmetic is unit-tested apart from the database. SQL sums arrive as strings or numbers.
 */

/** The currency a deal without one is counted in: the web app shows such amounts as USD. */
export const DEFAULT_CURRENCY = "USD";

const num = (v: unknown) => Number(v ?? 0);
const cents = (v: number) => Math.round(v * 100) / 100;

export type LeadRow = { source: string | null; created: unknown; converted: unknown };
export type OpenRow = { stage: string; currency: string; month: string | null; deals: unknown; amount: unknown; weighted: unknown };
export type ClosedRow = { day: string; stage: string; deals: unknown; seconds: unknown };

export function foldLeads(rows: readonly LeadRow[]): CrmDashboard["leads"] {
  const bySource = rows
    .map((r) => ({ source: r.source ?? null, created: num(r.created), converted: num(r.converted) }))
    .sort((a, b) => b.created - a.created || (a.source ?? "\uffff").localeCompare(b.source ?? "\uffff"));
  const created = bySource.reduce((s, r) => s + r.created, 0);
  const converted = bySource.reduce((s, r) => s + r.converted, 0);
  return { created, converted, conversionRate: created ? converted / created : null, bySource };
}

/** Currencies among the open deals (most deals, then largest amount, then by code), and the one reported. */
export function pickCurrency(rows: readonly OpenRow[], wanted: string | undefined): Pick<CrmDashboard, "currency" | "currencies"> {
  const totals = new Map<string, { deals: number; amount: number }>();
  for (const r of rows) {
    const t = totals.get(r.currency) ?? { deals: 0, amount: 0 };
    totals.set(r.currency, { deals: t.deals + num(r.deals), amount: t.amount + num(r.amount) });
  }
  const currencies = [...totals].map(([currency, t]) => ({ currency, deals: t.deals, amount: cents(t.amount) })).sort((a, b) => b.deals - a.deals || b.amount - a.amount || a.currency.localeCompare(b.currency));
  return { currency: wanted ?? currencies[0]?.currency ?? DEFAULT_CURRENCY, currencies };
}

/** Open deals in `currency`: per open stage (every one, in pipeline order) and per expected close month. */
export function foldOpen(rows: readonly OpenRow[], openStages: readonly Stage[], currency: string): Pick<CrmDashboard, "pipeline" | "forecast"> {
  const mine = rows.filter((r) => r.currency === currency);
  const sum = (list: readonly OpenRow[]) => ({ deals: list.reduce((s, r) => s + num(r.deals), 0), amount: cents(list.reduce((s, r) => s + num(r.amount), 0)), weighted: cents(list.reduce((s, r) => s + num(r.weighted), 0)) });
  const byStage = openStages.map((stage) => ({ stage: stage.name, probability: stage.probability, ...sum(mine.filter((r) => r.stage === stage.name)) }));
  const months = [...new Set(mine.map((r) => r.month ?? null))].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
  const byMonth = months.map((month) => ({ month, ...sum(mine.filter((r) => (r.month ?? null) === month)) }));
  const total = sum(mine);
  return { pipeline: { ...total, byStage }, forecast: { weighted: total.weighted, byMonth } };
}

/** Won and lost per bucket over [from, to], and the average days to a win (null: none won). */
export function foldClosed(rows: readonly ClosedRow[], stageTypes: ReadonlyMap<string, Stage["type"]>, from: string, to: string): CrmDashboard["closed"] {
  const granularity = granularityOf(from, to);
  const series = bucketStarts(from, to, granularity).map((start) => ({ start, won: 0, lost: 0 }));
  const index = new Map(series.map((b, i) => [b.start, i]));
  let wonSeconds = 0;
  for (const r of rows) {
    const type = stageTypes.get(r.stage);
    const bucket = series[index.get(bucketStart(r.day, granularity)) ?? -1];
    if (!bucket || (type !== "Won" && type !== "Lost")) continue;
    if (type === "Won") {
      bucket.won += num(r.deals);
      wonSeconds += num(r.seconds);
    } else bucket.lost += num(r.deals);
  }
  const won = series.reduce((s, b) => s + b.won, 0);
  const lost = series.reduce((s, b) => s + b.lost, 0);
  return { granularity, won, lost, avgDaysToClose: won ? Math.round((wonSeconds / won / 86_400) * 10) / 10 : null, series };
}
