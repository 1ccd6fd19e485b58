import { describe, expect, it } from "vitest";
import { assignmentRuleSchema } from "./rule-schema";

function issuesOf(input: unknown) {
  const result = assignmentRuleSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

describe("assignmentRuleSchema", () => {
  it("accepts each strategy and fills defaults", () => {
    expect(assignmentRuleSchema.parse({ strategy: "round_robin", team: " Billing " })).toEqual({ strategy: "round_robin", team: "Billing", maxOpenPerAgent: null });
    expect(assignmentRuleSchema.parse({ strategy: "load_balancing", team: "Billing", maxOpenPerAgent: 20 }).maxOpenPerAgent).toBe(20);
    expect(assignmentRuleSchema.parse({ strategy: "skill_based", team: "Billing", fallback: "unassigned" })).toEqual({
      strategy: "skill_based",
      team: "Billing",
      maxOpenPerAgent: null,
      tieBreak: "load_balancing",
      fallback: "unassigned",
      match: { ticketType: "required", language: "required", tags: "preferred" },
    });
  });

  it("drops fields another strategy left behind", () => {
    expect(assignmentRuleSchema.parse({ strategy: "round_robin", team: "T", fallback: "unassigned" })).not.toHaveProperty("fallback");
  });

  it("refuses an unknown or missing strategy on the strategy field", () => {
    expect(issuesOf({ strategy: "random", team: "T" })).toEqual([{ path: "strategy", message: 'Strategy "random" is unknown (use "round_robin", "load_balancing", "skill_based")' }]);
    expect(issuesOf({ team: "T" })).toEqual([{ path: "strategy", message: 'Strategy is required (one of "round_robin", "load_balancing", "skill_based")' }]);
  });

  it("refuses a skill-based rule without a fallback, or with an unknown one", () => {
    expect(issuesOf({ strategy: "skill_based", team: "T" })).toEqual([
      { path: "fallback", message: 'Fallback when no agent has the required skills is required (one of "load_balancing", "round_robin", "unassigned")' },
    ]);
    expect(issuesOf({ strategy: "skill_based", team: "T", fallback: "manager" })[0]).toEqual({
      path: "fallback",
      message: 'Fallback when no agent has the required skills "manager" is unknown (use "load_balancing", "round_robin", "unassigned")',
    });
  });

  it("refuses a capacity of 0, a negative or fractional one, naming the field", () => {
    for (const maxOpenPerAgent of [0, -3]) {
      expect(issuesOf({ strategy: "round_robin", team: "T", maxOpenPerAgent })).toEqual([
        { path: "maxOpenPerAgent", message: "Capacity (max open per agent) must be at least 1; leave it empty for no limit" },
      ]);
    }
    expect(issuesOf({ strategy: "load_balancing", team: "T", maxOpenPerAgent: 2.5 })[0]!.path).toBe("maxOpenPerAgent");
    expect(issuesOf({ strategy: "load_balancing", team: "T", maxOpenPerAgent: "10" })[0]!.path).toBe("maxOpenPerAgent");
  });

  it("refuses a blank team, an unknown tie break and an unknown match mode, each on its field", () => {
    expect(issuesOf({ strategy: "round_robin", team: "  " })).toEqual([{ path: "team", message: "Team is required" }]);
    expect(issuesOf({ strategy: "round_robin" })).toEqual([{ path: "team", message: "Team is required" }]);
    const issues = issuesOf({ strategy: "skill_based", team: "T", fallback: "unassigned", tieBreak: "seniority", match: { language: "must" } });
    expect(issues).toContainEqual({ path: "tieBreak", message: 'Tie break "seniority" is unknown (use "load_balancing", "round_robin")' });
    expect(issues).toContainEqual({ path: "match.language", message: 'Skill match for language "must" is unknown (use "required", "preferred", "ignore")' });
  });

  it("refuses a non-object", () => {
    expect(issuesOf(null)).toEqual([{ path: "", message: "An assignment rule must be an object" }]);
  });
});
