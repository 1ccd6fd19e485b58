import { AppError, type ScopedDb, type ValidateEvent } from "@orchestrator/db";
import { assignmentRuleSchema } from "./assignment";
import { issuesAt } from "./field-issues";

/** A team's assignment rule must parse (`assignmentRuleSchema`); its `team` is the team itself. */
export async function validateTeam(_scoped: ScopedDb, event: ValidateEvent): Promise<void> {
  const rule = event.doc.assignment_rule;
  if (rule === null || rule === undefined) return;
  const parsed = assignmentRuleSchema.safeParse(typeof rule === "object" ? { ...rule, team: event.name } : rule);
  if (!parsed.success) throw AppError.validation(issuesAt("assignment_rule", parsed.error.issues));
}

/** An agent's skills are a list of non-empty strings; a capacity is at least 1. */
export async function validateAgent(_scoped: ScopedDb, event: ValidateEvent): Promise<void> {
  const skills = event.doc.skills;
  if (skills !== null && skills !== undefined && !(Array.isArray(skills) && skills.every((s) => typeof s === "string" && s.trim()))) {
    throw AppError.validation([{ field: "skills", message: "Skills must be a list of skill names (e.g. type:Billing, lang:es)" }]);
  }
  const max = event.doc.max_open;
  if (typeof max === "number" && max < 1) throw AppError.validation([{ field: "max_open", message: "Max open tickets must be at least 1; leave it empty for the team's rule" }]);
}
