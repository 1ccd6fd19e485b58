import { capacityOf, isInTeam } from "./pool";
import type { AssignmentRule } from "./rule-schema";
import type { AssignableAgent, AssignmentState } from "./types";

export interface ManualAssignInput {
  readonly agentId: string;
  /** The item's team rule (or just its team and capacity). */
  readonly rule: Pick<AssignmentRule, "team" | "maxOpenPerAgent">;
  readonly agents: readonly AssignableAgent[];
  readonly state: AssignmentState;
  /** Allow an Offline agent. Team membership is never waived. */
  readonly force?: boolean;
}

/** Accepted but worth telling the user about. */
export type ManualAssignWarning = "away" | "offline_forced" | "at_capacity";

export type ManualAssignResult =
  | { readonly status: "assigned"; readonly agentId: string; readonly warnings: readonly ManualAssignWarning[]; readonly state: AssignmentState }
  | { readonly status: "refused"; readonly reason: "unknown_agent" | "not_in_team" | "offline"; readonly message: string; readonly state: AssignmentState };

/**
 * Validates a manual choice: the agent must exist and belong to the team, and must not be Offline
 * unless `force`. Capacity does not block a manual choice (a warning says so). The returned state
 * is the input state: a manual assignment takes no turn in the rotation, so round robin goes on
 * from where it was (moving the cursor to the chosen agent would skip everyone in between).
 */
export function manualAssign(input: ManualAssignInput): ManualAssignResult {
  const { agentId, rule, state } = input;
  const agent = input.agents.find((a) => a.id === agentId);
  if (!agent) return { status: "refused", reason: "unknown_agent", message: `Agent ${agentId} is unknown`, state };
  if (!isInTeam(agent, rule.team)) return { status: "refused", reason: "not_in_team", message: `Agent ${agentId} is not in team ${rule.team}`, state };
  if (agent.availability === "Offline" && !input.force) return { status: "refused", reason: "offline", message: `Agent ${agentId} is Offline; force the assignment to assign anyway`, state };
  const warnings: ManualAssignWarning[] = [];
  if (agent.availability === "Away") warnings.push("away");
  if (agent.availability === "Offline") warnings.push("offline_forced");
  if (agent.openCount >= capacityOf(agent, rule)) warnings.push("at_capacity");
  return { status: "assigned", agentId, warnings, state };
}

export type TeamChangeDecision =
  /** The assignee is in the new team: nothing to do. */
  | { readonly action: "keep"; readonly agentId: string }
  /** Clear the assignee, then run the new team's rule. */
  | { readonly action: "unassign"; readonly previousAgentId: string; readonly reason: "not_in_new_team" | "unknown_agent" }
  /** There was no assignee: run the new team's rule. */
  | { readonly action: "assign" };

/**
 * What a team change does to the assignee: kept only if a member of the new team (whatever their
 * availability); otherwise unassigned, and the caller runs the new team's rule.
 */
export function reassignOnTeamChange(currentAssignee: string | null, newTeam: string, agents: readonly AssignableAgent[]): TeamChangeDecision {
  if (currentAssignee === null) return { action: "assign" };
  const agent = agents.find((a) => a.id === currentAssignee);
  if (!agent) return { action: "unassign", previousAgentId: currentAssignee, reason: "unknown_agent" };
  return isInTeam(agent, newTeam) ? { action: "keep", agentId: currentAssignee } : { action: "unassign", previousAgentId: currentAssignee, reason: "not_in_new_team" };
}
