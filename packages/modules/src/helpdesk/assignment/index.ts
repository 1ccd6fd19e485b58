/**
 * Assignment rules: pure, entity-agnostic choice of an assignee for one item (a helpdesk ticket,
 * a CRM lead). No database and no I/O: the caller loads the team's agents with their open-item
 * counts and the rule's cursor, calls `assignItem`, and persists the returned state. Rules decided:
 * see README.md beside this file.
 */

// Rule configuration (zod; issues name the field at fault).
export {
  assignmentRuleSchema,
  ASSIGNMENT_STRATEGIES,
  SKILL_FALLBACKS,
  SKILL_MATCH_MODES,
  SKILL_TIE_BREAKS,
  type AssignmentRule,
  type AssignmentRuleInput,
  type AssignmentStrategy,
  type SkillBasedRule,
  type SkillMatch,
  type SkillMatchMode,
} from "./rule-schema";

// Inputs, state and results.
export {
  AVAILABILITIES,
  INITIAL_ASSIGNMENT_STATE,
  NO_REQUIREMENTS,
  type AssignableAgent,
  type AssignmentResult,
  type AssignmentState,
  type Availability,
  type AvailabilityTier,
  type ItemRequirements,
  type NoAssigneeReason,
} from "./types";

// Skills: normalized keys and a ticket's requirements (type, tags, language).
export { DEFAULT_SKILL_MATCH, normalizeSkill, SKILL_NAMESPACES, skillKey, ticketRequirements, type TicketSkillFacts } from "./skills";

// Automatic choice, one item or a simulated sequence.
export { assignItem, type AssignItemInput } from "./assign";
export { assignBatch, type AssignBatchInput, type AssignBatchResult } from "./batch";

// Manual override and team changes.
export { manualAssign, reassignOnTeamChange, type ManualAssignInput, type ManualAssignResult, type ManualAssignWarning, type TeamChangeDecision } from "./manual";

// Who may be chosen (for previews in the rule editor).
export { eligiblePool, type Pool } from "./pool";
