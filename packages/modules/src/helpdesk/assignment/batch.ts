import { assignItem } from "./assign";
import type { AssignmentRule } from "./rule-schema";
import { NO_REQUIREMENTS, type AssignableAgent, type AssignmentResult, type AssignmentState, type ItemRequirements } from "./types";

export interface AssignBatchInput {
  readonly rule: AssignmentRule;
  readonly agents: readonly AssignableAgent[];
  readonly state: AssignmentState;
}

export interface AssignBatchResult {
  /** One result per item, in order. */
  readonly results: readonly AssignmentResult[];
  /** The agents with `openCount` raised by what they were given. */
  readonly agents: readonly AssignableAgent[];
  /** The state after the last item. */
  readonly state: AssignmentState;
}

/**
 * Assigns a sequence of items one after the other, as the service would: each choice sees the
 * loads and cursor left by the previous one. For simulations and benchmarks; nothing is persisted.
 */
export function assignBatch(items: readonly ItemRequirements[] | number, input: AssignBatchInput): AssignBatchResult {
  const list: readonly ItemRequirements[] = typeof items === "number" ? Array.from({ length: items }, () => NO_REQUIREMENTS) : items;
  const agents: AssignableAgent[] = [...input.agents]; // our copy: entries are replaced, never mutated
  const index = new Map(agents.map((agent, i) => [agent.id, i]));
  let state = input.state;
  const results: AssignmentResult[] = [];
  for (const requirements of list) {
    const result = assignItem({ rule: input.rule, agents, state, requirements });
    results.push(result);
    state = result.state;
    if (result.status === "assigned") {
      const i = index.get(result.agentId)!;
      const agent = agents[i]!;
      agents[i] = { ...agent, openCount: agent.openCount + 1 };
    }
  }
  return { results, agents, state };
}
