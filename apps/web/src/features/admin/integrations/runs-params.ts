import type { RouterInputs } from "@orchestrator/modules";
import type { SyncRunStatus } from "./format";

export const RUNS_PAGE = 20;
export const runStatuses: SyncRunStatus[] = ["queued", "running", "completed", "failed", "rolled_back", "partially_rolled_back"];

type Params = { get(name: string): string | null };

/** The runs list's URL state (`?status=failed&start=20`) as the `sync.runs` input; unknown values are ignored. */
export function runsInput(params: Params): RouterInputs["sync"]["runs"] {
  const status = runStatuses.find((s) => s === params.get("status"));
  const start = Number(params.get("start"));
  return { ...(status ? { status } : {}), start: Number.isInteger(start) && start > 0 ? start : 0, limit: RUNS_PAGE };
}

export function runsQuery(input: RouterInputs["sync"]["runs"]): string {
  const q = new URLSearchParams();
  if (input.status) q.set("status", input.status);
  if (input.start) q.set("start", String(input.start));
  const text = q.toString();
  return text ? `?${text}` : "";
}

/** Next's page searchParams record as something with `get`. */
export function fromRecord(record: Record<string, string | string[] | undefined>): Params {
  return { get: (name) => { const v = record[name]; return typeof v === "string" ? v : null; } };
}
