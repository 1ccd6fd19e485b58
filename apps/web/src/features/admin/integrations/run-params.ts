import type { RouterInputs } from "@orchestrator/modules";
import { actionLabels, type SyncAction } from "./format";

export const CHANGES_PAGE = 50;
export const changeActions = Object.keys(actionLabels) as SyncAction[];

type Params = { get(name: string): string | null };

/** The run page's URL state (`?action=error&start=50`) as the `sync.run` input. */
export function runInput(run: string, params: Params): RouterInputs["sync"]["run"] {
  const action = changeActions.find((a) => a === params.get("action"));
  const start = Number(params.get("start"));
  return { run, ...(action ? { action } : {}), start: Number.isInteger(start) && start > 0 ? start : 0, limit: CHANGES_PAGE };
}

export function runQuery(input: RouterInputs["sync"]["run"]): string {
  const q = new URLSearchParams();
  if (input.action) q.set("action", input.action);
  if (input.start) q.set("start", String(input.start));
  const text = q.toString();
  return text ? `?${text}` : "";
}
