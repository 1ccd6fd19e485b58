import type { RouterInputs } from "@orchestrator/modules";

export type BoardInput = RouterInputs["crm"]["board"];

/** The board as it first loads (every column its 25 most recent deals); server prefetch and client share it. */
export const BOARD_INPUT: BoardInput = {};

/** Cards a "Show more" adds to a column, and the most a column shows (the deals list has the rest). */
export const BOARD_STEP = 25;
export const BOARD_MAX = 200;

/** The input with one column showing `BOARD_STEP` more cards. */
export function showMore(input: BoardInput, stage: string, shown: number): BoardInput {
  return { ...input, limits: { ...input.limits, [stage]: Math.min(BOARD_MAX, shown + BOARD_STEP) } };
}

/** Organisation names for deal cards and pages: the caller's first 100 organisations. */
export const ORGANIZATIONS_INPUT: RouterInputs["crm"]["organizations"]["list"] = { page: 1, pageSize: 100 };
