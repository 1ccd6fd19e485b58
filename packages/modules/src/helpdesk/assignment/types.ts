import type { AssignmentStrategy } from "./rule-schema";

/** An agent's availability. Active agents take work; Away agents only when no team member is Active; Offline never. */
export const AVAILABILITIES = ["Active", "Away", "Offline"] as const;
export type Availability = (typeof AVAILABILITIES)[number];

/** The availability tier an automatic choice was made in. */
export type AvailabilityTier = Exclude<Availability, "Offline">;

/**
 * One candidate assignee, as the caller loads it. Entity-agnostic: "open items" are open tickets for
 * the helpdesk, open leads for the CRM.
 */
export interface AssignableAgent {
  /** Stable id; the round-robin order is the code-unit order of these ids. Must be unique in a call. */
  readonly id: string;
  /** Teams (pools) the agent belongs to. */
  readonly teams: readonly string[];
  readonly availability: Availability;
  /** Skill keys, optionally namespaced (`type:Billing`, `tag:vip`, `lang:es`); compared after `normalizeSkill`. */
  readonly skills: readonly string[] | ReadonlySet<string>;
  /** Items currently open and assigned to the agent. */
  readonly openCount: number;
  /** The agent's own capacity; when absent the rule's `maxOpenPerAgent` applies; absent both, no limit. */
  readonly maxOpen?: number | null;
}

/** What an item asks of its assignee. Keys are skill keys; `ticketRequirements` builds them for a ticket. */
export interface ItemRequirements {
  /** The assignee must have every one of these. */
  readonly required: readonly string[];
  /** The more of these the assignee has, the better. */
  readonly preferred: readonly string[];
}

/** No requirements: what round robin and load balancing items usually carry. */
export const NO_REQUIREMENTS: ItemRequirements = { required: [], preferred: [] };

/** A rule's persisted state: the round-robin cursor is the id of the last agent the rule chose. */
export interface AssignmentState {
  readonly cursor: string | null;
}

export const INITIAL_ASSIGNMENT_STATE: AssignmentState = { cursor: null };

/** Why no agent was chosen. */
export type NoAssigneeReason =
  /** nobody in the input belongs to the rule's team */
  | "no_team_members"
  /** every team member is Offline */
  | "no_available_agent"
  /** every member of the availability tier is at or over capacity */
  | "all_at_capacity"
  /** skill-based rule, nobody eligible has the required skills, and the fallback is `unassigned` */
  | "no_skill_match";

export type AssignmentResult =
  | {
      readonly status: "assigned";
      readonly agentId: string;
      /** The strategy that made the choice: the rule's, or its fallback's when `usedFallback`. */
      readonly strategy: AssignmentStrategy;
      readonly usedFallback: boolean;
      readonly tier: AvailabilityTier;
      /** State to persist: the cursor is now `agentId`. */
      readonly state: AssignmentState;
    }
  | {
      readonly status: "unassigned";
      readonly reason: NoAssigneeReason;
      /** A sentence for the activity log ("All 3 Active agents of team Billing are at capacity"). */
      readonly message: string;
      /** Unchanged. */
      readonly state: AssignmentState;
    };
