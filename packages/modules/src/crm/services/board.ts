import type { ScopedDb } from "@orchestrator/db";
import { crmDeals as d } from "@orchestrator/db/schema";
import { count, eq, sum } from "drizzle-orm";
import { loadStages } from "../hooks/deal-hook";

/** Cards a column shows unless asked for more, and the most it shows (the deals list has the rest). */
export const BOARD_PER_STAGE = 25;
export const BOARD_MAX_PER_STAGE = 200;

export interface BoardColumn {
  stage: string;
  /** Every deal of the stage in the caller's scope, not only the cards shown. */
  total: number;
  /** Their amounts by currency (no conversion; a deal without a currency counts as USD, as its card shows it). */
  amounts: { currency: string; amount: number }[];
  /** The most recently changed `limit` deals of the stage. */
  deals: Record<string, unknown>[];
}

/**
 * The pipeline board: per configured stage, in order, the count and value of every deal of the stage
 * the caller may read (one grouped query through the scope predicate) and its most recently changed
 * deals (one scoped list per stage, `limits[stage]` or BOARD_PER_STAGE cards). A column of thousands
 * then shows its true size and value while the page stays small.
 */
export async function loadBoard(scoped: ScopedDb, input: { limits?: Record<string, number> | undefined; team?: string | undefined }): Promise<{ columns: BoardColumn[] }> {
  const stages = await loadStages(scoped);
  const team = input.team ? [{ field: "team", operator: "=" as const, value: input.team }] : [];
  const [sums, lists] = await Promise.all([
    scoped.selectScoped<{ stage: string; currency: string | null; n: number; amount: string | number | null }>("CRM Deal", { stage: d.status, currency: d.currency, n: count().as("n"), amount: sum(d.amount).as("amount") }, input.team ? eq(d.team, input.team) : undefined, { groupBy: [d.status, d.currency] }),
    Promise.all(stages.map((s) => scoped.list("CRM Deal", { fields: ["*"], filters: [{ field: "status", operator: "=", value: s.name }, ...team], orderBy: [{ field: "modified", direction: "desc" }], limit: Math.min(BOARD_MAX_PER_STAGE, input.limits?.[s.name] ?? BOARD_PER_STAGE) }))),
  ]);
  const columns = stages.map((s, i): BoardColumn => {
    const rows = sums.filter((r) => r.stage === s.name);
    const amounts = new Map<string, number>();
    for (const r of rows) amounts.set(r.currency || "USD", (amounts.get(r.currency || "USD") ?? 0) + Number(r.amount ?? 0));
    return { stage: s.name, total: rows.reduce((n, r) => n + Number(r.n), 0), amounts: [...amounts].map(([currency, amount]) => ({ currency, amount })).sort((a, b) => b.amount - a.amount), deals: lists[i]! };
  });
  return { columns };
}
