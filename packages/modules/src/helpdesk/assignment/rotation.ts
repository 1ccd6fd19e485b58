import type { AssignableAgent } from "./types";

/**
 * The round-robin order after a cursor: agents (already sorted by id) whose id sorts after the
 * cursor, then the rest from the start. The cursor is an id, not an index, so when the last chosen
 * agent has left the pool the rotation continues from where that id would sort.
 */
export function rotationOrder<A extends AssignableAgent>(sortedAgents: readonly A[], cursor: string | null): A[] {
  if (cursor === null) return [...sortedAgents];
  const split = sortedAgents.findIndex((agent) => agent.id > cursor);
  if (split < 0) return [...sortedAgents];
  return [...sortedAgents.slice(split), ...sortedAgents.slice(0, split)];
}

/**
 * The agent with the smallest key (compared element by element), ties going to the earliest in the
 * rotation after the cursor. With an empty key this is plain round robin.
 */
export function pickBest<A extends AssignableAgent>(sortedAgents: readonly A[], cursor: string | null, key: (agent: A) => readonly number[]): A | undefined {
  let best: A | undefined;
  let bestKey: readonly number[] = [];
  for (const agent of rotationOrder(sortedAgents, cursor)) {
    const agentKey = key(agent);
    if (best === undefined || compareKeys(agentKey, bestKey) < 0) {
      best = agent;
      bestKey = agentKey;
    }
  }
  return best;
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
