import { sql } from "drizzle-orm";
import { boolean, datetime, index, int, json, mysqlEnum, mysqlTable, text, tinyint, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { link, nameKey, timestamps } from "./columns";

/**
 * The helpdesk (issue 5): teams, agents, ticket catalogues (types, priorities, statuses), SLA policies
 * and tickets with their thread and activity log. Table names follow Frappe Helpdesk's DocTypes
 * (`HD Ticket` → `hd_tickets`). Every row is written through the scoped data layer.
 */

const at = (name: string) => datetime(name, { mode: "string", fsp: 6 });

export const agentAvailabilities = ["Active", "Away", "Offline"] as const;
export const ticketStatusCategories = ["Open", "Paused", "Resolved", "Closed"] as const;
export const agreementStatuses = ["First Response Due", "Resolution Due", "Paused", "Fulfilled", "Failed"] as const;
export const ticketCommentTypes = ["Reply", "Internal Note"] as const;
export const ticketActivityKinds = ["created", "status", "priority", "team", "assignment", "sla", "escalation", "comment", "merge", "email", "feedback"] as const;
/** Where a thread entry came from. */
export const ticketCommentSources = ["Agent", "Portal", "Email"] as const;

/** `HD Team`: an agent group, with its assignment rule (validated by the assignment module) and the rule's cursor. */
export const hdTeams = mysqlTable("hd_teams", {
  name: nameKey(),
  teamName: varchar("team_name", { length: 140 }).notNull(),
  description: text("description"),
  /** The assignment rule's configuration (`assignmentRuleSchema`); null = no automatic assignment. */
  assignmentRule: json("assignment_rule"),
  /** The rule's round-robin cursor: the last agent it chose. */
  assignmentCursor: varchar("assignment_cursor", { length: 140 }),
  /** The team lead (a user), whom escalation levels can notify. */
  teamLead: link("team_lead"),
  ...timestamps(),
});

/** Child table of `HD Team`: its members (`HD Team Item` in Frappe). */
export const hdTeamMembers = mysqlTable(
  "hd_team_members",
  {
    name: nameKey(),
    parent: link("parent").notNull(),
    idx: int("idx").notNull().default(0),
    user: link("user").notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex("hd_team_members_parent_user_uq").on(t.parent, t.user), index("hd_team_members_user_idx").on(t.user)],
);

/** `HD Agent`: a user who works tickets. Named by the user. */
export const hdAgents = mysqlTable("hd_agents", {
  name: nameKey(),
  user: link("user").notNull().unique(),
  agentName: varchar("agent_name", { length: 140 }),
  availability: mysqlEnum("availability", agentAvailabilities).notNull().default("Active"),
  /** Skill keys (`type:Billing`, `lang:es`, `tag:vip`). */
  skills: json("skills"),
  /** The agent's own capacity (open tickets); null = the rule's. */
  maxOpen: int("max_open"),
  isActive: boolean("is_active").notNull().default(true),
  ...timestamps(),
});

export const hdTicketTypes = mysqlTable("hd_ticket_types", {
  name: nameKey(),
  description: text("description"),
  ...timestamps(),
});

/** `HD Ticket Priority`: `rank` orders them (higher is more urgent). */
export const hdTicketPriorities = mysqlTable("hd_ticket_priorities", {
  name: nameKey(),
  rank: int("rank").notNull().default(0),
  ...timestamps(),
});

/** `HD Ticket Status`: configurable statuses, each in one category that drives the SLA. */
export const hdTicketStatuses = mysqlTable("hd_ticket_statuses", {
  name: nameKey(),
  category: mysqlEnum("category", ticketStatusCategories).notNull(),
  /** Display order. */
  sortOrder: int("sort_order").notNull().default(0),
  ...timestamps(),
});

/**
 * `HD Service Level Agreement`: which tickets it applies to (`conditions`, or `is_default`), its
 * working-hours calendar (`calendarDefinitionSchema`), the statuses that pause it and the share of a
 * target after which a ticket is at risk. At most one default (the generated `default_key`).
 */
export const hdServiceLevelAgreements = mysqlTable(
  "hd_service_level_agreements",
  {
    name: nameKey(),
    description: text("description"),
    enabled: boolean("enabled").notNull().default(true),
    isDefault: boolean("is_default").notNull().default(false),
    defaultKey: tinyint("default_key").generatedAlwaysAs(sql`if(\`is_default\`, 1, null)`, { mode: "stored" }),
    /** `[{ field, values }]` on agent_group, ticket_type, priority, customer: all must match. */
    conditions: json("conditions"),
    calendar: json("calendar").notNull(),
    /** Status names that pause the resolution clock; empty = every status of the Paused category. */
    pauseOn: json("pause_on"),
    /** Share of a target (percent) from which a running clock is at risk. */
    atRiskPercent: int("at_risk_percent").notNull().default(75),
    ...timestamps(),
  },
  (t) => [uniqueIndex("hd_sla_default_uq").on(t.defaultKey)],
);

/** Child table of the SLA: first-response and resolution targets per priority, in business minutes. */
export const hdSlaPriorities = mysqlTable(
  "hd_sla_priorities",
  {
    name: nameKey(),
    parent: link("parent").notNull(),
    idx: int("idx").notNull().default(0),
    priority: link("priority").notNull(),
    responseMinutes: int("response_minutes").notNull(),
    resolutionMinutes: int("resolution_minutes").notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex("hd_sla_priorities_parent_priority_uq").on(t.parent, t.priority)],
);

/** What the SLA has seen happen to a ticket (holds, priority changes, resolutions): `computeTicketSla`'s facts. */
export interface TicketSlaLog {
  holds: { from: string; to: string | null }[];
  priorityChanges: { at: string; priority: string }[];
  resolutions: { resolvedAt: string; reopenedAt: string | null }[];
}

/** `HD Ticket`. Named `HD-TKT-00001`. */
export const hdTickets = mysqlTable(
  "hd_tickets",
  {
    name: nameKey(),
    subject: varchar("subject", { length: 255 }).notNull(),
    description: text("description"),
    status: link("status").notNull(),
    priority: link("priority").notNull(),
    ticketType: link("ticket_type"),
    agentGroup: link("agent_group"),
    assignee: link("assignee"),
    raisedBy: varchar("raised_by", { length: 140 }),
    client: link("client"),
    /** The `HD Customer` it belongs to (the portal's scope). */
    customer: link("customer"),
    /** The `Contact` who raised it. */
    contact: link("contact"),
    language: varchar("language", { length: 16 }),
    tags: json("tags"),
    department: link("department").notNull(),
    openingDate: at("opening_date"),
    sla: link("sla"),
    /** Frappe's `service_level_agreement_creation`: when the SLA clocks started. */
    slaStart: at("sla_start"),
    responseBy: at("response_by"),
    resolutionBy: at("resolution_by"),
    firstRespondedOn: at("first_responded_on"),
    resolutionDate: at("resolution_date"),
    /** Frappe's `total_hold_time`, in seconds of business time. */
    totalHoldTime: int("total_hold_time").notNull().default(0),
    onHoldSince: at("on_hold_since"),
    agreementStatus: mysqlEnum("agreement_status", agreementStatuses),
    atRisk: boolean("at_risk").notNull().default(false),
    slaLog: json("sla_log"),
    /** CSAT: the customer's rating of the resolution (1–5) and comment. */
    feedbackRating: tinyint("feedback_rating"),
    feedbackText: text("feedback_text"),
    feedbackOn: at("feedback_on"),
    /** Set when this ticket was merged into another (it is then closed). */
    mergedInto: link("merged_into"),
    /** The last reply from the customer's side (portal or e-mail): auto-close counts from here. */
    lastCustomerReplyOn: at("last_customer_reply_on"),
    ...timestamps(),
  },
  (t) => [
    index("hd_tickets_customer_modified_idx").on(t.customer, t.modified),
    index("hd_tickets_dept_status_modified_idx").on(t.department, t.status, t.modified),
    index("hd_tickets_dept_modified_idx").on(t.department, t.modified),
    index("hd_tickets_status_modified_idx").on(t.status, t.modified),
    index("hd_tickets_modified_idx").on(t.modified),
    index("hd_tickets_assignee_status_idx").on(t.assignee, t.status),
    index("hd_tickets_team_idx").on(t.agentGroup, t.status),
    index("hd_tickets_agreement_resolution_idx").on(t.agreementStatus, t.resolutionBy),
    index("hd_tickets_agreement_response_idx").on(t.agreementStatus, t.responseBy),
    index("hd_tickets_client_idx").on(t.client),
  ],
);

/** `HD Ticket Comment`: the ticket's thread, replies and internal notes. Carries the ticket's department (its scope). */
export const hdTicketComments = mysqlTable(
  "hd_ticket_comments",
  {
    name: nameKey(),
    ticket: link("ticket").notNull(),
    department: link("department").notNull(),
    commentType: mysqlEnum("comment_type", ticketCommentTypes).notNull(),
    commentedBy: link("commented_by").notNull(),
    content: text("content").notNull(),
    /** The ticket's customer, copied like its department: the portal's scope. */
    customer: link("customer"),
    source: mysqlEnum("source", ticketCommentSources).notNull().default("Agent"),
    /** Users @mentioned in an internal note (they are notified). */
    mentions: json("mentions"),
    ...timestamps(),
  },
  (t) => [index("hd_ticket_comments_ticket_idx").on(t.ticket, t.creation)],
);

/** `HD Ticket Activity`: status, assignment, SLA and escalation events. Carries the ticket's department. */
export const hdTicketActivities = mysqlTable(
  "hd_ticket_activities",
  {
    name: nameKey(),
    ticket: link("ticket").notNull(),
    department: link("department").notNull(),
    kind: mysqlEnum("kind", ticketActivityKinds).notNull(),
    action: varchar("action", { length: 500 }).notNull(),
    data: json("data"),
    ...timestamps(),
  },
  (t) => [index("hd_ticket_activities_ticket_idx").on(t.ticket, t.creation)],
);
