import { assignmentRuleSchema, type AssignmentRule, type AssignmentRuleInput } from "./rule-schema";
import type { AssignableAgent } from "./types";

/** An agent of team "support", Active, no skills, nothing open, unless overridden. */
export function agent(id: string, overrides: Partial<AssignableAgent> = {}): AssignableAgent {
  return { id, teams: ["support"], availability: "Active", skills: [], openCount: 0, ...overrides };
}

/** A validated rule for team "support". */
export function rule(input: Partial<AssignmentRuleInput> & Pick<AssignmentRuleInput, "strategy">): AssignmentRule {
  return assignmentRuleSchema.parse({ team: "support", ...input });
}
