import type { FieldIssue } from "@orchestrator/db";

/** zod issues as field issues under `prefix` (`calendar.workingHours.monday.1`), path segments renamed by `rename`. */
export function issuesAt(prefix: string, issues: readonly { path: readonly PropertyKey[]; message: string }[], rename: (segment: string, index: number) => string = (s) => s): FieldIssue[] {
  return issues.map((i) => {
    const path = i.path.map((p, index) => (typeof p === "number" ? `[${p}]` : `.${rename(String(p), index)}`)).join("");
    return { field: `${prefix}${path}`, message: i.message };
  });
}
