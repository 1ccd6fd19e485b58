import type { RouterOutputs } from "@orchestrator/modules";
import { text } from "../format";

export type Board = RouterOutputs["crm"]["board"];
export type BoardColumn = Board["columns"][number];
type Row = Record<string, unknown>;

const amountOf = (deal: Row) => (typeof deal.amount === "number" ? deal.amount : Number(deal.amount) || 0);
const currencyOf = (deal: Row) => text(deal.currency) || "USD";

function addAmount(amounts: BoardColumn["amounts"], currency: string, delta: number): BoardColumn["amounts"] {
  const found = amounts.some((a) => a.currency === currency);
  const next = found ? amounts.map((a) => (a.currency === currency ? { ...a, amount: a.amount + delta } : a)) : [...amounts, { currency, amount: delta }];
  return next.filter((a) => Math.abs(a.amount) > 0.005);
}

/**
 * The board with a deal moved to `stage` at once (optimistic): its card leaves its column for the top
 * of the new one, and both columns' counts and values follow. Unknown deal or stage: unchanged.
 */
export function moveOnBoard(board: Board, name: string, stage: string, changes: Row = {}): Board {
  const from = board.columns.find((c) => c.deals.some((d) => d.name === name));
  const deal = from?.deals.find((d) => d.name === name);
  if (!from || !deal || !board.columns.some((c) => c.stage === stage)) return board;
  const moved = { ...deal, ...changes, status: stage };
  if (from.stage === stage) return { columns: board.columns.map((c) => (c === from ? { ...c, deals: c.deals.map((d) => (d.name === name ? moved : d)) } : c)) };
  return {
    columns: board.columns.map((c) => {
      if (c === from) return { ...c, total: c.total - 1, amounts: addAmount(c.amounts, currencyOf(deal), -amountOf(deal)), deals: c.deals.filter((d) => d.name !== name) };
      if (c.stage === stage) return { ...c, total: c.total + 1, amounts: addAmount(c.amounts, currencyOf(deal), amountOf(deal)), deals: [moved, ...c.deals] };
      return c;
    }),
  };
}

/** Every card on the board. */
export const boardDeals = (board: Board | undefined): Row[] => board?.columns.flatMap((c) => c.deals) ?? [];
