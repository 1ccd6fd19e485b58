import { z } from "zod";
import { agentAvailabilities, escalationClocks, ticketStatusCategories } from "@orchestrator/db/schema";

/**
 * Request and response shapes of the helpdesk settings API. Inputs are deliberately loose where the
 * DocTypes' validate hooks check the meaning (times, overlaps, targets, condition fields, levels'
 * order): those hooks answer with field paths in the document's own terms
 * (`calendar.workingHours.monday[1]`, `priorities[2].response_minutes`), which the editors show
 * next to the field. Field names are the DocTypes' (snake_case) so the paths match the inputs.
 */

export const docName = z.string().trim().min(1).max(140);
/** The `modified` the editor loaded; absent = create. A stale one is CONFLICT. */
const modified = z.string().min(1).max(40).optional();
const shortText = z.string().max(140);
const longText = z.string().max(65_535);
const nameList = z.array(z.string().max(140)).max(500);

export const condition = z.object({ field: z.string().max(140), values: nameList });
export type Condition = z.infer<typeof condition>;

const interval = z.object({ start: z.string().max(10), end: z.string().max(10) });
const holiday = z.object({ date: z.string().max(20), description: z.string().max(500).optional() });
export const calendar = z.object({
  timeZone: z.string().max(64),
  workingHours: z.record(z.string().max(20), z.array(interval).max(48)),
  holidays: z.array(holiday).max(5000),
});
export type Calendar = z.infer<typeof calendar>;

const minutes = z.number().int().min(-1_000_000).max(100_000_000).nullable();

export const slaInput = z.object({
  name: docName,
  modified,
  description: longText.nullable().default(null),
  enabled: z.boolean(),
  is_default: z.boolean(),
  conditions: z.array(condition).max(20),
  calendar,
  pause_on: nameList,
  at_risk_percent: z.number().int().min(-1000).max(1000),
  priorities: z.array(z.object({ priority: z.string().max(140), response_minutes: minutes, resolution_minutes: minutes })).max(100),
});
export type SlaInput = z.infer<typeof slaInput>;

export const slaDoc = slaInput.extend({
  modified: z.string(),
  description: z.string().nullable(),
  priorities: z.array(z.object({ name: z.string(), priority: z.string(), response_minutes: z.number().nullable(), resolution_minutes: z.number().nullable() })),
});
export type SlaDoc = z.infer<typeof slaDoc>;

export const slaRow = z.object({ name: z.string(), description: z.string().nullable(), enabled: z.boolean(), is_default: z.boolean(), conditions: z.number(), time_zone: z.string(), modified: z.string() });

const level = z.object({
  /** The row's name when it was loaded: keeps its identity (and its audit trail) across reordering. */
  name: z.string().max(140).optional(),
  trigger_clock: z.enum(escalationClocks),
  /** 1–100; null = when the target is breached. */
  trigger_percent: z.number().int().min(-1000).max(1000).nullable(),
  notify_assignee: z.boolean(),
  notify_team_lead: z.boolean(),
  notify_user: z.string().max(140).nullable(),
  notify_email: z.boolean(),
  reassign_team: z.string().max(140).nullable(),
  reassign_agent: z.string().max(140).nullable(),
  /** "next", a priority name, or null. */
  raise_priority: z.string().max(140).nullable(),
});

export const escalationInput = z.object({
  name: docName,
  modified,
  description: longText.nullable().default(null),
  enabled: z.boolean(),
  conditions: z.array(condition).max(20),
  levels: z.array(level).max(20),
});
export type EscalationInput = z.infer<typeof escalationInput>;
export const escalationDoc = escalationInput.extend({ modified: z.string(), description: z.string().nullable(), levels: z.array(level.extend({ name: z.string() })) });
export type EscalationDoc = z.infer<typeof escalationDoc>;
export const escalationRow = z.object({ name: z.string(), description: z.string().nullable(), enabled: z.boolean(), levels: z.number(), modified: z.string() });

/** The team's assignment rule as the editor sends it (`assignmentRuleSchema` checks it, with the team added). */
export const assignmentRule = z.object({
  strategy: z.string().max(40),
  maxOpenPerAgent: z.number().int().min(-1000).max(100_000).nullable().optional(),
  tieBreak: z.string().max(40).optional(),
  fallback: z.string().max(40).optional(),
  match: z.object({ ticketType: z.string().max(20), language: z.string().max(20), tags: z.string().max(20) }).optional(),
});
export type AssignmentRuleInput = z.infer<typeof assignmentRule>;

export const teamInput = z.object({
  /** The team's name (its key): given on create, fixed afterwards. */
  name: docName,
  modified,
  description: longText.nullable().default(null),
  team_lead: z.string().max(140).nullable(),
  members: nameList,
  assignment_rule: assignmentRule.nullable(),
});
export type TeamInput = z.infer<typeof teamInput>;
export const teamDoc = teamInput.extend({ modified: z.string(), description: z.string().nullable() });
export type TeamDoc = z.infer<typeof teamDoc>;
export const teamRow = z.object({ name: z.string(), description: z.string().nullable(), team_lead: z.string().nullable(), members: z.number(), strategy: z.string().nullable(), modified: z.string() });

export const agentInput = z.object({
  /** The agent's user (its key): given on create, fixed afterwards. */
  user: docName,
  modified,
  agent_name: shortText.nullable(),
  availability: z.enum(agentAvailabilities),
  skills: nameList,
  max_open: z.number().int().min(-1000).max(100_000).nullable(),
  is_active: z.boolean(),
});
export type AgentInput = z.infer<typeof agentInput>;
export const agentDoc = agentInput.extend({ name: z.string(), modified: z.string() });
export type AgentDoc = z.infer<typeof agentDoc>;
export const agentRow = agentDoc;

export const ticketTypeInput = z.object({ name: docName, modified, description: longText.nullable().default(null) });
export const ticketTypeDoc = ticketTypeInput.extend({ modified: z.string(), description: z.string().nullable() });
export const priorityInput = z.object({ name: docName, modified, rank: z.number().int().min(-10_000).max(10_000) });
export const priorityDoc = priorityInput.extend({ modified: z.string() });
export const statusInput = z.object({ name: docName, modified, category: z.enum(ticketStatusCategories), sort_order: z.number().int().min(-10_000).max(10_000) });
export const statusDoc = statusInput.extend({ modified: z.string() });

export const option = z.object({ name: z.string(), label: z.string() });
export const settingsOptions = z.object({
  users: z.array(option),
  agents: z.array(option),
  teams: z.array(option),
  ticketTypes: z.array(option),
  priorities: z.array(z.object({ name: z.string(), rank: z.number() })),
  statuses: z.array(z.object({ name: z.string(), category: z.enum(ticketStatusCategories) })),
});

export const settingsOverview = z.object({
  canEdit: z.boolean(),
  defaultSla: z.string().nullable(),
  counts: z.object({ sla: z.number(), escalation: z.number(), teams: z.number(), agents: z.number(), ticketTypes: z.number(), priorities: z.number(), statuses: z.number() }),
});

export const deleteInput = z.object({ name: docName });
export const deleted = z.object({ ok: z.literal(true) });
