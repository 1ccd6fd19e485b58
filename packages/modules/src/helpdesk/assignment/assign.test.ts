import { describe, expect, it } from "vitest";
import { assignItem } from "./assign";
import { assignBatch } from "./batch";
import { ticketRequirements } from "./skills";
import { agent, rule } from "./test-agents";
import { INITIAL_ASSIGNMENT_STATE, type AssignableAgent, type AssignmentResult } from "./types";

const chosen = (result: AssignmentResult) => (result.status === "assigned" ? result.agentId : `(${result.reason})`);
const rr = rule({ strategy: "round_robin" });
const lb = rule({ strategy: "load_balancing" });

describe("round robin", () => {
  const team = [agent("c"), agent("a"), agent("b")];

  it("starts at the first id and rotates in id order, whatever the input order", () => {
    const { results, state } = assignBatch(5, { rule: rr, agents: team, state: INITIAL_ASSIGNMENT_STATE });
    expect(results.map(chosen)).toEqual(["a", "b", "c", "a", "b"]);
    expect(state).toEqual({ cursor: "b" });
  });

  it("continues after the cursor, and from where a departed cursor agent would sort", () => {
    expect(chosen(assignItem({ rule: rr, agents: team, state: { cursor: "b" } }))).toBe("c");
    expect(chosen(assignItem({ rule: rr, agents: team, state: { cursor: "c" } }))).toBe("a");
    // "bb" left the team: the next one after where it sorted is "c", not back to "a"
    expect(chosen(assignItem({ rule: rr, agents: team, state: { cursor: "bb" } }))).toBe("c");
    expect(chosen(assignItem({ rule: rr, agents: team, state: { cursor: "zz" } }))).toBe("a");
  });

  it("a newcomer joins the rotation at its place in id order", () => {
    const grown = [...team, agent("bravo")];
    expect(chosen(assignItem({ rule: rr, agents: grown, state: { cursor: "b" } }))).toBe("bravo");
  });

  it("ignores load", () => {
    const loaded = [agent("a", { openCount: 50 }), agent("b")];
    expect(chosen(assignItem({ rule: rr, agents: loaded, state: INITIAL_ASSIGNMENT_STATE }))).toBe("a");
  });

  it("ignores agents of other teams and records the strategy, tier and new cursor", () => {
    const mixed = [agent("a", { teams: ["sales"] }), agent("b", { teams: ["sales", "support"] })];
    expect(assignItem({ rule: rr, agents: mixed, state: INITIAL_ASSIGNMENT_STATE })).toEqual({
      status: "assigned",
      agentId: "b",
      strategy: "round_robin",
      usedFallback: false,
      tier: "Active",
      state: { cursor: "b" },
    });
  });
});

describe("load balancing", () => {
  it("picks the fewest open items", () => {
    const team = [agent("a", { openCount: 3 }), agent("b", { openCount: 1 }), agent("c", { openCount: 2 })];
    expect(chosen(assignItem({ rule: lb, agents: team, state: INITIAL_ASSIGNMENT_STATE }))).toBe("b");
  });

  it("rotates among equal loads, starting after the cursor", () => {
    const team = [agent("a", { openCount: 1 }), agent("b", { openCount: 1 }), agent("c", { openCount: 1 }), agent("d", { openCount: 0 })];
    expect(chosen(assignItem({ rule: lb, agents: team, state: { cursor: "a" } }))).toBe("d");
    const even = team.map((a) => ({ ...a, openCount: 1 }));
    expect(chosen(assignItem({ rule: lb, agents: even, state: { cursor: "b" } }))).toBe("c");
    expect(chosen(assignItem({ rule: lb, agents: even, state: { cursor: "d" } }))).toBe("a");
  });

  it("evens out loads over a batch", () => {
    const team = [agent("a", { openCount: 4 }), agent("b"), agent("c", { openCount: 2 })];
    const { agents } = assignBatch(9, { rule: lb, agents: team, state: INITIAL_ASSIGNMENT_STATE });
    expect(agents.map((a) => a.openCount)).toEqual([5, 5, 5]);
  });
});

describe("skill based", () => {
  const billingEs = ticketRequirements({ ticketType: "Billing", language: "es", tags: ["vip", "refund"] });
  const team: AssignableAgent[] = [
    agent("ana", { skills: ["type:Billing", "lang:es"], openCount: 5 }),
    agent("ben", { skills: ["type:Billing", "lang:es-MX", "tag:vip"], openCount: 9 }),
    agent("cho", { skills: ["type:Billing", "lang:es", "tag:VIP"], openCount: 4 }),
    agent("dan", { skills: ["type:Billing", "tag:vip", "tag:refund"], openCount: 0 }),
  ];

  it("requires every required skill, then prefers most preferred skills, then the least loaded", () => {
    const skillRule = rule({ strategy: "skill_based", fallback: "unassigned" });
    // dan lacks lang:es; ben and cho match one preferred tag each; cho has fewer open tickets
    expect(assignItem({ rule: skillRule, agents: team, state: INITIAL_ASSIGNMENT_STATE, requirements: billingEs })).toMatchObject({ agentId: "cho", strategy: "skill_based", usedFallback: false });
  });

  it("with a round-robin tie break rotates among the best matches regardless of load", () => {
    const skillRule = rule({ strategy: "skill_based", fallback: "unassigned", tieBreak: "round_robin" });
    expect(chosen(assignItem({ rule: skillRule, agents: team, state: INITIAL_ASSIGNMENT_STATE, requirements: billingEs }))).toBe("ben");
    expect(chosen(assignItem({ rule: skillRule, agents: team, state: { cursor: "ben" }, requirements: billingEs }))).toBe("cho");
    expect(chosen(assignItem({ rule: skillRule, agents: team, state: { cursor: "cho" }, requirements: billingEs }))).toBe("ben");
  });

  it("without requirements every eligible agent qualifies", () => {
    const skillRule = rule({ strategy: "skill_based", fallback: "unassigned" });
    expect(chosen(assignItem({ rule: skillRule, agents: team, state: INITIAL_ASSIGNMENT_STATE }))).toBe("dan");
  });

  it("falls back when nobody has the required skills: load balancing, round robin or unassigned", () => {
    const french = ticketRequirements({ ticketType: "Billing", language: "fr" });
    const lbFallback = assignItem({ rule: rule({ strategy: "skill_based", fallback: "load_balancing" }), agents: team, state: INITIAL_ASSIGNMENT_STATE, requirements: french });
    expect(lbFallback).toMatchObject({ status: "assigned", agentId: "dan", strategy: "load_balancing", usedFallback: true });
    const rrFallback = assignItem({ rule: rule({ strategy: "skill_based", fallback: "round_robin" }), agents: team, state: { cursor: "ana" }, requirements: french });
    expect(rrFallback).toMatchObject({ status: "assigned", agentId: "ben", strategy: "round_robin", usedFallback: true });
    const none = assignItem({ rule: rule({ strategy: "skill_based", fallback: "unassigned" }), agents: team, state: { cursor: "ana" }, requirements: french });
    expect(none).toEqual({ status: "unassigned", reason: "no_skill_match", message: "No Active agent of team support with capacity has the skills lang:fr, type:billing", state: { cursor: "ana" } });
  });

  it("a skilled agent at capacity does not qualify: the fallback applies", () => {
    const capped = rule({ strategy: "skill_based", fallback: "load_balancing", maxOpenPerAgent: 5 });
    const requirements = ticketRequirements({ ticketType: "Billing", language: "es" });
    // ana (5) and ben (9) are at/over 5; cho (4) qualifies
    expect(chosen(assignItem({ rule: capped, agents: team, state: INITIAL_ASSIGNMENT_STATE, requirements }))).toBe("cho");
    const full = team.map((a) => (a.id === "cho" ? { ...a, openCount: 5 } : a));
    expect(assignItem({ rule: capped, agents: full, state: INITIAL_ASSIGNMENT_STATE, requirements })).toMatchObject({ agentId: "dan", usedFallback: true });
  });
});

describe("availability and capacity", () => {
  it("never chooses Away agents while a member is Active", () => {
    const team = [agent("a", { availability: "Away" }), agent("b", { availability: "Away" }), agent("c", { openCount: 40 })];
    expect(assignItem({ rule: lb, agents: team, state: INITIAL_ASSIGNMENT_STATE })).toMatchObject({ agentId: "c", tier: "Active" });
  });

  it("uses Away agents when nobody is Active, Offline never", () => {
    const team = [agent("a", { availability: "Offline" }), agent("b", { availability: "Away" }), agent("c", { availability: "Away" })];
    const { results } = assignBatch(4, { rule: rr, agents: team, state: INITIAL_ASSIGNMENT_STATE });
    expect(results.map(chosen)).toEqual(["b", "c", "b", "c"]);
    expect(results[0]).toMatchObject({ tier: "Away" });
  });

  it("leaves the item unassigned when every member is Offline, or nobody is in the team", () => {
    const offline = [agent("a", { availability: "Offline" })];
    expect(assignItem({ rule: rr, agents: offline, state: { cursor: "a" } })).toEqual({ status: "unassigned", reason: "no_available_agent", message: "All agents of team support are Offline", state: { cursor: "a" } });
    expect(assignItem({ rule: rr, agents: [agent("a", { teams: ["sales"] })], state: INITIAL_ASSIGNMENT_STATE })).toMatchObject({ reason: "no_team_members", message: "Team support has no agents" });
    expect(assignItem({ rule: rr, agents: [], state: INITIAL_ASSIGNMENT_STATE })).toMatchObject({ reason: "no_team_members" });
  });

  it("skips agents at or over capacity (their own, else the rule's)", () => {
    const capped = rule({ strategy: "round_robin", maxOpenPerAgent: 3 });
    const team = [agent("a", { openCount: 3 }), agent("b", { openCount: 2, maxOpen: 2 }), agent("c", { openCount: 7, maxOpen: 10 }), agent("d", { openCount: 2 })];
    const { results } = assignBatch(4, { rule: capped, agents: team, state: INITIAL_ASSIGNMENT_STATE });
    expect(results.map(chosen)).toEqual(["c", "d", "c", "c"]);
  });

  it("all Active members at capacity: unassigned, without spilling over to Away members", () => {
    const capped = rule({ strategy: "load_balancing", maxOpenPerAgent: 2 });
    const team = [agent("a", { openCount: 2 }), agent("b", { openCount: 5 }), agent("c", { availability: "Away" })];
    expect(assignItem({ rule: capped, agents: team, state: INITIAL_ASSIGNMENT_STATE })).toMatchObject({
      status: "unassigned",
      reason: "all_at_capacity",
      message: "All 2 Active agents of team support are at capacity",
    });
  });

  it("refuses a list with a repeated agent id", () => {
    expect(() => assignItem({ rule: rr, agents: [agent("a"), agent("a")], state: INITIAL_ASSIGNMENT_STATE })).toThrow('agent id "a" is listed twice');
  });
});
