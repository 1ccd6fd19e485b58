import type { AssignmentRule } from "./rule-schema";
import type { AssignableAgent, AvailabilityTier, NoAssigneeReason } from "./types";

/** Code-unit order of ids: the same on every host and locale (no localeCompare). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** An agent's effective capacity: its own `maxOpen`, else the rule's, else unlimited. */
export function capacityOf(agent: AssignableAgent, rule: Pick<AssignmentRule, "maxOpenPerAgent">): number {
  return agent.maxOpen ?? rule.maxOpenPerAgent ?? Number.POSITIVE_INFINITY;
}

export function isInTeam(agent: AssignableAgent, team: string): boolean {
  return agent.teams.includes(team);
}

export type Pool =
  | { readonly ok: true; readonly tier: AvailabilityTier; readonly agents: readonly AssignableAgent[] }
  | { readonly ok: false; readonly reason: NoAssigneeReason; readonly message: string };

/** Throws on a repeated id: the result would otherwise depend on the order agents were passed in. */
export function assertUniqueIds(agents: readonly AssignableAgent[]): void {
  const seen = new Set<string>();
  for (const agent of agents) {
    if (seen.has(agent.id)) throw new Error(`Assignment: agent id "${agent.id}" is listed twice`);
    seen.add(agent.id);
  }
}

/**
 * The agents a rule may choose from, sorted by id: the team's Active members, or, only when no
 * member is Active, its Away members; never Offline ones. Members at or over capacity are left out.
 */
export function eligiblePool(agents: readonly AssignableAgent[], rule: Pick<AssignmentRule, "team" | "maxOpenPerAgent">): Pool {
  assertUniqueIds(agents);
  const members = agents.filter((agent) => isInTeam(agent, rule.team));
  if (members.length === 0) return { ok: false, reason: "no_team_members", message: `Team ${rule.team} has no agents` };
  const active = members.filter((agent) => agent.availability === "Active");
  const tier: AvailabilityTier = active.length > 0 ? "Active" : "Away";
  const available = active.length > 0 ? active : members.filter((agent) => agent.availability === "Away");
  if (available.length === 0) return { ok: false, reason: "no_available_agent", message: `All agents of team ${rule.team} are Offline` };
  const underCapacity = available.filter((agent) => agent.openCount < capacityOf(agent, rule));
  if (underCapacity.length === 0) {
    const count = available.length;
    return { ok: false, reason: "all_at_capacity", message: `All ${count} ${tier} agent${count === 1 ? "" : "s"} of team ${rule.team} ${count === 1 ? "is" : "are"} at capacity` };
  }
  return { ok: true, tier, agents: [...underCapacity].sort((a, b) => compareIds(a.id, b.id)) };
}
