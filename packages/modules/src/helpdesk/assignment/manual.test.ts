import { describe, expect, it } from "vitest";
import { assignItem } from "./assign";
import { manualAssign, reassignOnTeamChange } from "./manual";
import { agent, rule } from "./test-agents";

const rr = rule({ strategy: "round_robin", maxOpenPerAgent: 5 });
const team = [agent("a"), agent("b", { availability: "Away" }), agent("c", { availability: "Offline" }), agent("d", { openCount: 5 }), agent("x", { teams: ["sales"] })];

describe("manualAssign", () => {
  it("accepts an Active member and keeps the rotation where it was", () => {
    const state = { cursor: "a" };
    expect(manualAssign({ agentId: "a", rule: rr, agents: team, state })).toEqual({ status: "assigned", agentId: "a", warnings: [], state });
  });

  it("round robin after a manual choice continues from the old cursor", () => {
    const trio = [agent("a"), agent("b"), agent("c")];
    const manual = manualAssign({ agentId: "c", rule: rr, agents: trio, state: { cursor: "a" } });
    expect(assignItem({ rule: rr, agents: trio, state: manual.state })).toMatchObject({ agentId: "b" });
  });

  it("warns about Away and at-capacity agents but accepts them", () => {
    expect(manualAssign({ agentId: "b", rule: rr, agents: team, state: { cursor: null } })).toMatchObject({ status: "assigned", warnings: ["away"] });
    expect(manualAssign({ agentId: "d", rule: rr, agents: team, state: { cursor: null } })).toMatchObject({ status: "assigned", warnings: ["at_capacity"] });
  });

  it("refuses an Offline agent unless forced", () => {
    expect(manualAssign({ agentId: "c", rule: rr, agents: team, state: { cursor: null } })).toMatchObject({ status: "refused", reason: "offline" });
    expect(manualAssign({ agentId: "c", rule: rr, agents: team, state: { cursor: null }, force: true })).toMatchObject({ status: "assigned", warnings: ["offline_forced"] });
  });

  it("refuses an agent outside the team or unknown, even when forced", () => {
    expect(manualAssign({ agentId: "x", rule: rr, agents: team, state: { cursor: "a" }, force: true })).toEqual({
      status: "refused",
      reason: "not_in_team",
      message: "Agent x is not in team support",
      state: { cursor: "a" },
    });
    expect(manualAssign({ agentId: "nobody", rule: rr, agents: team, state: { cursor: null }, force: true })).toMatchObject({ status: "refused", reason: "unknown_agent" });
  });
});

describe("reassignOnTeamChange", () => {
  it("keeps an assignee who is in the new team, whatever their availability", () => {
    expect(reassignOnTeamChange("c", "support", team)).toEqual({ action: "keep", agentId: "c" });
  });

  it("unassigns an assignee outside the new team, or unknown", () => {
    expect(reassignOnTeamChange("x", "support", team)).toEqual({ action: "unassign", previousAgentId: "x", reason: "not_in_new_team" });
    expect(reassignOnTeamChange("a", "sales", team)).toEqual({ action: "unassign", previousAgentId: "a", reason: "not_in_new_team" });
    expect(reassignOnTeamChange("gone", "support", team)).toEqual({ action: "unassign", previousAgentId: "gone", reason: "unknown_agent" });
  });

  it("asks for the rules to run when there was no assignee", () => {
    expect(reassignOnTeamChange(null, "support", team)).toEqual({ action: "assign" });
  });
});
