import { z } from "zod";
import { agreementStatuses, ticketCommentTypes, ticketStatusCategories } from "@orchestrator/db/schema";

/**
 * Request and response schemas of the agent UI's procedures (agent-router.ts). Rows are typed here
 * rather than passed on as open documents, so the web app gets checked types and the output is
 * stripped to what the UI shows.
 */
const name = z.string().min(1).max(140);
const text = z.string().nullable();
const opt = <T extends z.ZodType>(s: T) => s.nullable().optional();

export const ticketListRow = z.object({
  name: z.string(),
  subject: z.string(),
  status: z.string(),
  priority: z.string(),
  ticket_type: opt(z.string()),
  agent_group: opt(z.string()),
  assignee: opt(z.string()),
  raised_by: opt(z.string()),
  customer: opt(z.string()),
  department: z.string(),
  response_by: opt(z.string()),
  resolution_by: opt(z.string()),
  agreement_status: opt(z.enum(agreementStatuses)),
  at_risk: opt(z.number()),
  opening_date: opt(z.string()),
  modified: z.string(),
});
export type TicketListRow = z.infer<typeof ticketListRow>;

export const ticketListOutput = z.object({ rows: z.array(ticketListRow), total: z.number(), totalIsCapped: z.boolean(), page: z.number(), pageSize: z.number() });

export const ticketDoc = ticketListRow.extend({
  description: opt(z.string()),
  contact: opt(z.string()),
  client: opt(z.string()),
  sla: opt(z.string()),
  sla_start: opt(z.string()),
  first_responded_on: opt(z.string()),
  resolution_date: opt(z.string()),
  total_hold_time: opt(z.number()),
  on_hold_since: opt(z.string()),
  feedback_rating: opt(z.number()),
  feedback_text: opt(z.string()),
  merged_into: opt(z.string()),
  owner: z.string(),
  creation: z.string(),
});
export type TicketDoc = z.infer<typeof ticketDoc>;

export const threadEntry = z.object({ name: z.string(), comment_type: z.enum(ticketCommentTypes), commented_by: text, content: z.string(), source: opt(z.string()), creation: z.string() });
export const activityEntry = z.object({ name: z.string(), kind: z.string(), action: z.string(), owner: text, creation: z.string() });
export const ticketPageOutput = z.object({ ticket: ticketDoc, comments: z.array(threadEntry), activities: z.array(activityEntry) });

export const cataloguesOutput = z.object({
  statuses: z.array(z.object({ name: z.string(), category: z.enum(ticketStatusCategories), sortOrder: z.number() })),
  priorities: z.array(z.object({ name: z.string(), rank: z.number() })),
  teams: z.array(z.object({ name: z.string(), members: z.array(z.string()) })),
  agents: z.array(z.object({ user: z.string(), name: z.string(), active: z.boolean() })),
  ticketTypes: z.array(z.string()),
});
export type Catalogues = z.infer<typeof cataloguesOutput>;

/** One ticket of a bulk change, with the `modified` the agent saw (a newer save is a per-row conflict). */
const bulkItem = z.object({ name, modified: z.string().min(1).optional() });
const bulkItems = z.array(bulkItem).min(1).max(100);
export const bulkAssignInput = z.object({ tickets: bulkItems, assignee: name.nullable() });
export const bulkStatusInput = z.object({ tickets: bulkItems, status: name });
export const bulkOutput = z.object({
  results: z.array(z.object({ name: z.string(), ok: z.boolean(), code: z.string().optional(), message: z.string().optional() })),
  succeeded: z.number(),
  failed: z.number(),
});
export type BulkOutput = z.infer<typeof bulkOutput>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD");
export const dashboardInput = z.object({ from: isoDate, to: isoDate, team: name.optional() }).refine((v) => v.from <= v.to, { message: "From must not be after To", path: ["to"] });
export const dashboardOutput = z.object({
  openByStatus: z.array(z.object({ status: z.string(), category: z.enum(ticketStatusCategories), count: z.number() })),
  open: z.number(),
  atRisk: z.number(),
  breached: z.number(),
  range: z.object({
    from: z.string(),
    to: z.string(),
    opened: z.number(),
    resolved: z.number(),
    /** Average business minutes from SLA start to first response, per ticket's SLA calendar (null: none answered). */
    avgFirstResponseMinutes: z.number().nullable(),
    firstResponseSample: z.number(),
    /** Average business minutes from SLA start to resolution, less time on hold. */
    avgResolutionMinutes: z.number().nullable(),
    resolutionSample: z.number(),
    csat: z.object({ average: z.number().nullable(), responses: z.number(), distribution: z.array(z.object({ rating: z.number(), count: z.number() })) }),
  }),
  generatedAt: z.string(),
});
export type DashboardOutput = z.infer<typeof dashboardOutput>;

export const notificationsOutput = z.object({
  unread: z.number(),
  items: z.array(z.object({ name: z.string(), ticket: z.string(), kind: z.string(), subject: z.string(), read: z.boolean(), creation: z.string() })),
});
export const markReadInput = z.object({ names: z.array(name).max(100).optional(), all: z.boolean().optional() });

const names = z.array(name).max(50).optional();
/** The agent list's input (the same filters as `helpdesk.list`), typed rows out. */
export const ticketListInput = z.object({
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(20),
  status: names,
  priority: names,
  agentGroup: name.optional(),
  assignee: name.optional(),
  agreementStatus: z.array(z.enum(agreementStatuses)).max(5).optional(),
  atRisk: z.boolean().optional(),
  search: z.string().trim().max(140).optional(),
  sort: z.enum(["modified", "resolution_by", "response_by", "opening_date"]).default("modified"),
  direction: z.enum(["asc", "desc"]).default("desc"),
});
