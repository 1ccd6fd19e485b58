import { AppError, type ScopedDb, type ValidateEvent } from "@orchestrator/db";
import { assignmentRuleSchema } from "../../helpdesk/assignment";

/** A stage's probability is a percentage. */
export async function validateDealStatus(_scoped: ScopedDb, event: ValidateEvent): Promise<void> {
  const p = event.doc.probability;
  if (typeof p === "number" && (p < 0 || p > 100)) throw AppError.validation([{ field: "probability", message: "Probability must be between 0 and 100" }]);
}

/** A team's assignment rule is the helpdesk's (`assignmentRuleSchema`), for this team; a member is listed once. */
export async function validateTeam(_scoped: ScopedDb, event: ValidateEvent): Promise<void> {
  const issues: { field: string; message: string }[] = [];
  if (event.action === "update" && event.changed.includes("team_name")) issues.push({ field: "team_name", message: "A team's name is its id and cannot change" });
  const rule = event.doc.assignment_rule;
  if (rule !== null && rule !== undefined && event.changed.includes("assignment_rule")) {
    const parsed = assignmentRuleSchema.safeParse(typeof rule === "object" ? { ...rule, team: event.name } : rule);
    if (!parsed.success) for (const issue of parsed.error.issues) issues.push({ field: ["assignment_rule", ...issue.path.map(String)].join("."), message: issue.message });
  }
  const users = event.children?.users?.map((r) => String(r.user)) ?? [];
  const repeated = users.find((u, i) => users.indexOf(u) !== i);
  if (repeated) issues.push({ field: "users", message: `${repeated} is listed twice` });
  if (issues.length) throw AppError.validation(issues);
}
