import { eligiblePool } from "./pool";
import { pickBest } from "./rotation";
import type { AssignmentRule, AssignmentStrategy, SkillBasedRule } from "./rule-schema";
import { skillSet } from "./skills";
import { NO_REQUIREMENTS, type AssignableAgent, type AssignmentResult, type AssignmentState, type AvailabilityTier, type ItemRequirements } from "./types";

export interface AssignItemInput {
  /** A validated rule (`assignmentRuleSchema.parse`). */
  readonly rule: AssignmentRule;
  /** Candidates; those outside `rule.team` are ignored. Ids must be unique. */
  readonly agents: readonly AssignableAgent[];
  /** The rule's persisted state (`INITIAL_ASSIGNMENT_STATE` the first time). */
  readonly state: AssignmentState;
  /** The item's skill requirements; only skill-based rules read them. */
  readonly requirements?: ItemRequirements;
}

const byLoad = (agent: AssignableAgent): readonly number[] => [agent.openCount];
const noKey = (): readonly number[] => [];

/**
 * Chooses the assignee of one item. Pure and deterministic: the same input gives the same result
 * whatever the order of `agents`; ties go to the round-robin order after the cursor.
 * - round_robin: the next eligible agent after the cursor, by id;
 * - load_balancing: fewest open items, ties in round-robin order;
 * - skill_based: agents having every required skill, most preferred skills first, then the rule's
 *   tie break; nobody with the required skills → the rule's fallback.
 * Eligible: the team's Active members (Away ones only when no member is Active), under capacity.
 */
export function assignItem(input: AssignItemInput): AssignmentResult {
  const { rule, state } = input;
  const pool = eligiblePool(input.agents, rule);
  if (!pool.ok) return { status: "unassigned", reason: pool.reason, message: pool.message, state };
  const chosen = (strategy: AssignmentStrategy, agent: AssignableAgent, usedFallback: boolean, tier: AvailabilityTier): AssignmentResult => ({
    status: "assigned",
    agentId: agent.id,
    strategy,
    usedFallback,
    tier,
    state: { cursor: agent.id },
  });
  // pool.agents is never empty (eligiblePool reports why instead), so `pick` always finds someone.
  const pick = (strategy: "round_robin" | "load_balancing", agents: readonly AssignableAgent[]) =>
    pickBest(agents, state.cursor, strategy === "load_balancing" ? byLoad : noKey);

  if (rule.strategy !== "skill_based") return chosen(rule.strategy, pick(rule.strategy, pool.agents)!, false, pool.tier);

  const skilled = pickSkilled(rule, pool.agents, state.cursor, input.requirements ?? NO_REQUIREMENTS);
  if (skilled) return chosen("skill_based", skilled, false, pool.tier);
  if (rule.fallback === "unassigned") {
    const needed = (input.requirements ?? NO_REQUIREMENTS).required.join(", ");
    return { status: "unassigned", reason: "no_skill_match", message: `No ${pool.tier} agent of team ${rule.team} with capacity has the skills ${needed}`, state };
  }
  return chosen(rule.fallback, pick(rule.fallback, pool.agents)!, true, pool.tier);
}

/** Among agents with every required skill: most preferred skills, then the tie break; undefined when none qualifies. */
function pickSkilled(rule: SkillBasedRule, agents: readonly AssignableAgent[], cursor: string | null, requirements: ItemRequirements): AssignableAgent | undefined {
  const required = [...skillSet(requirements.required)];
  const preferred = [...skillSet(requirements.preferred)];
  const matched = new Map<string, number>();
  const qualified = agents.filter((agent) => {
    const skills = skillSet(agent.skills);
    if (!required.every((skill) => skills.has(skill))) return false;
    matched.set(agent.id, preferred.filter((skill) => skills.has(skill)).length);
    return true;
  });
  const load = rule.tieBreak === "load_balancing";
  return pickBest(qualified, cursor, (agent) => (load ? [-(matched.get(agent.id) ?? 0), agent.openCount] : [-(matched.get(agent.id) ?? 0)]));
}
