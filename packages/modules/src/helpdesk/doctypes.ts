import * as s from "@orchestrator/db/schema";
import { agentAvailabilities, agreementStatuses, ticketActivityKinds, ticketCommentTypes, ticketCommentSources, ticketStatusCategories } from "@orchestrator/db/schema";
import type { DocTypeDef } from "@orchestrator/db";
import { standardOf } from "../registry/standard";
import { validateSla } from "./validate-sla";
import { validateAgent, validateTeam } from "./validate-catalogue";
import { validateTicket } from "./tickets/ticket-hook";
import { validateComment } from "./tickets/comment-hook";
import { escalationDocTypes } from "./escalation/doctypes";
import { publishLiveEvent } from "../events/publish";

/** Frappe Helpdesk's DocTypes, category `helpdesk`. Catalogues are global; tickets and their thread are scoped by department. */

export const hdTeamDocType: DocTypeDef = {
  name: "HD Team",
  table: s.hdTeams,
  standard: standardOf(s.hdTeams),
  category: "helpdesk",
  scope: { kind: "global" },
  naming: { kind: "field", field: "team_name" },
  titleField: "team_name",
  searchFields: ["team_name"],
  validate: validateTeam,
  fields: {
    team_name: { column: s.hdTeams.teamName, type: "data", label: "Team name", required: true },
    description: { column: s.hdTeams.description, type: "text", label: "Description" },
    assignment_rule: { column: s.hdTeams.assignmentRule, type: "json", label: "Assignment rule" },
    assignment_cursor: { column: s.hdTeams.assignmentCursor, type: "data", label: "Last assigned agent", readOnly: true },
    team_lead: { column: s.hdTeams.teamLead, type: "link", linkTo: "User", label: "Team lead" },
  },
  children: {
    users: {
      doctype: "HD Team Item",
      table: s.hdTeamMembers,
      standard: standardOf(s.hdTeamMembers),
      parent: s.hdTeamMembers.parent,
      idx: s.hdTeamMembers.idx,
      category: "helpdesk",
      fields: { user: { column: s.hdTeamMembers.user, type: "link", linkTo: "User", label: "Agent", required: true } },
    },
  },
};

export const hdAgentDocType: DocTypeDef = {
  name: "HD Agent",
  table: s.hdAgents,
  standard: standardOf(s.hdAgents),
  category: "helpdesk",
  scope: { kind: "global" },
  naming: { kind: "field", field: "user" },
  titleField: "agent_name",
  searchFields: ["user", "agent_name"],
  validate: validateAgent,
  fields: {
    user: { column: s.hdAgents.user, type: "link", linkTo: "User", label: "User", required: true },
    agent_name: { column: s.hdAgents.agentName, type: "data", label: "Agent name" },
    availability: { column: s.hdAgents.availability, type: "select", options: agentAvailabilities, label: "Availability" },
    skills: { column: s.hdAgents.skills, type: "json", label: "Skills" },
    max_open: { column: s.hdAgents.maxOpen, type: "int", label: "Max open tickets" },
    is_active: { column: s.hdAgents.isActive, type: "check", label: "Active" },
  },
};

export const hdTicketTypeDocType: DocTypeDef = {
  name: "HD Ticket Type",
  table: s.hdTicketTypes,
  standard: standardOf(s.hdTicketTypes),
  category: "helpdesk",
  scope: { kind: "global" },
  // Portal contacts pick from them when raising a ticket.
  customerScope: "catalogue",
  naming: { kind: "prompt" },
  fields: { description: { column: s.hdTicketTypes.description, type: "text", label: "Description" } },
};

export const hdTicketPriorityDocType: DocTypeDef = {
  name: "HD Ticket Priority",
  table: s.hdTicketPriorities,
  standard: standardOf(s.hdTicketPriorities),
  category: "helpdesk",
  scope: { kind: "global" },
  // Portal contacts pick from them when raising a ticket.
  customerScope: "catalogue",
  naming: { kind: "prompt" },
  fields: { rank: { column: s.hdTicketPriorities.rank, type: "int", label: "Rank" } },
};

export const hdTicketStatusDocType: DocTypeDef = {
  name: "HD Ticket Status",
  table: s.hdTicketStatuses,
  standard: standardOf(s.hdTicketStatuses),
  category: "helpdesk",
  scope: { kind: "global" },
  // Portal contacts pick from them when raising a ticket.
  customerScope: "catalogue",
  naming: { kind: "prompt" },
  fields: {
    category: { column: s.hdTicketStatuses.category, type: "select", options: ticketStatusCategories, label: "Category", required: true },
    sort_order: { column: s.hdTicketStatuses.sortOrder, type: "int", label: "Order" },
  },
};

export const hdSlaDocType: DocTypeDef = {
  name: "HD Service Level Agreement",
  table: s.hdServiceLevelAgreements,
  standard: standardOf(s.hdServiceLevelAgreements),
  category: "helpdesk",
  scope: { kind: "global" },
  naming: { kind: "prompt" },
  validate: validateSla,
  fields: {
    description: { column: s.hdServiceLevelAgreements.description, type: "text", label: "Description" },
    enabled: { column: s.hdServiceLevelAgreements.enabled, type: "check", label: "Enabled" },
    is_default: { column: s.hdServiceLevelAgreements.isDefault, type: "check", label: "Default" },
    conditions: { column: s.hdServiceLevelAgreements.conditions, type: "json", label: "Conditions" },
    calendar: { column: s.hdServiceLevelAgreements.calendar, type: "json", label: "Working hours", required: true },
    pause_on: { column: s.hdServiceLevelAgreements.pauseOn, type: "json", label: "Pause on statuses" },
    at_risk_percent: { column: s.hdServiceLevelAgreements.atRiskPercent, type: "int", label: "At risk from (% of target used)" },
  },
  children: {
    priorities: {
      doctype: "HD Service Level Priority",
      table: s.hdSlaPriorities,
      standard: standardOf(s.hdSlaPriorities),
      parent: s.hdSlaPriorities.parent,
      idx: s.hdSlaPriorities.idx,
      category: "helpdesk",
      fields: {
        priority: { column: s.hdSlaPriorities.priority, type: "link", linkTo: "HD Ticket Priority", label: "Priority", required: true },
        response_minutes: { column: s.hdSlaPriorities.responseMinutes, type: "int", label: "First response (business minutes)", required: true },
        resolution_minutes: { column: s.hdSlaPriorities.resolutionMinutes, type: "int", label: "Resolution (business minutes)", required: true },
      },
    },
  },
};

const t = s.hdTickets;
const at = (column: typeof t.responseBy, label: string) => ({ column, type: "datetime" as const, label, readOnly: true });

export const hdTicketDocType: DocTypeDef = {
  name: "HD Ticket",
  table: t,
  standard: standardOf(t),
  category: "helpdesk",
  scope: { kind: "department", field: "department" },
  naming: { kind: "series", prefix: "HD-TKT-", digits: 5 },
  titleField: "subject",
  searchFields: ["subject", "raised_by", "customer"],
  validate: validateTicket,
  // Live updates for the agent list and ticket page (no PHI: name, department, category only).
  afterWrite: publishLiveEvent(() => hdTicketDocType),
  // Portal contacts see their customers' tickets, without the staff-only (`internal`) fields.
  customerScope: { field: "customer" },
  fields: {
    subject: { column: t.subject, type: "data", label: "Subject", required: true, maxLength: 255 },
    description: { column: t.description, type: "text", label: "Description" },
    status: { column: t.status, type: "link", linkTo: "HD Ticket Status", label: "Status" },
    priority: { column: t.priority, type: "link", linkTo: "HD Ticket Priority", label: "Priority" },
    ticket_type: { column: t.ticketType, type: "link", linkTo: "HD Ticket Type", label: "Ticket type" },
    agent_group: { column: t.agentGroup, type: "link", linkTo: "HD Team", label: "Team" },
    assignee: { column: t.assignee, type: "link", linkTo: "User", label: "Assigned to", internal: true },
    raised_by: { column: t.raisedBy, type: "data", label: "Raised by (email)" },
    client: { column: t.client, type: "link", linkTo: "Client", label: "Client", internal: true },
    customer: { column: t.customer, type: "link", linkTo: "HD Customer", label: "Customer" },
    contact: { column: t.contact, type: "link", linkTo: "Contact", label: "Contact" },
    language: { column: t.language, type: "data", label: "Language", maxLength: 16 },
    tags: { column: t.tags, type: "json", label: "Tags", internal: true },
    department: { column: t.department, type: "link", linkTo: "Department", label: "Department" },
    opening_date: at(t.openingDate, "Opened"),
    sla: { column: t.sla, type: "link", linkTo: "HD Service Level Agreement", label: "SLA", readOnly: true, internal: true },
    sla_start: { ...at(t.slaStart, "SLA start"), internal: true },
    response_by: { ...at(t.responseBy, "Respond by"), internal: true },
    resolution_by: { ...at(t.resolutionBy, "Resolve by"), internal: true },
    first_responded_on: at(t.firstRespondedOn, "First responded on"),
    resolution_date: at(t.resolutionDate, "Resolved on"),
    total_hold_time: { column: t.totalHoldTime, type: "int", label: "Hold time (s)", readOnly: true, internal: true },
    on_hold_since: { ...at(t.onHoldSince, "On hold since"), internal: true },
    agreement_status: { column: t.agreementStatus, type: "select", options: agreementStatuses, label: "Agreement status", readOnly: true, internal: true },
    at_risk: { column: t.atRisk, type: "check", label: "At risk", readOnly: true, internal: true },
    sla_log: { column: t.slaLog, type: "json", label: "SLA log", readOnly: true, internal: true },
    feedback_rating: { column: t.feedbackRating, type: "int", label: "Rating (1–5)", readOnly: true },
    feedback_text: { column: t.feedbackText, type: "text", label: "Feedback", readOnly: true },
    feedback_on: at(t.feedbackOn, "Rated on"),
    merged_into: { column: t.mergedInto, type: "link", linkTo: "HD Ticket", label: "Merged into", readOnly: true },
    last_customer_reply_on: { ...at(t.lastCustomerReplyOn, "Last customer reply"), internal: true },
  },
};

export const hdTicketCommentDocType: DocTypeDef = {
  name: "HD Ticket Comment",
  table: s.hdTicketComments,
  standard: standardOf(s.hdTicketComments),
  category: "helpdesk",
  scope: { kind: "department", field: "department" },
  naming: { kind: "random" },
  validate: validateComment,
  // Portal contacts read and write replies on their customers' tickets; internal notes never reach them.
  customerScope: { field: "customer", only: { field: "comment_type", values: ["Reply"] } },
  fields: {
    ticket: { column: s.hdTicketComments.ticket, type: "link", linkTo: "HD Ticket", label: "Ticket", required: true },
    department: { column: s.hdTicketComments.department, type: "link", linkTo: "Department", label: "Department" },
    comment_type: { column: s.hdTicketComments.commentType, type: "select", options: ticketCommentTypes, label: "Type", required: true },
    commented_by: { column: s.hdTicketComments.commentedBy, type: "link", linkTo: "User", label: "By", readOnly: true },
    content: { column: s.hdTicketComments.content, type: "text", label: "Content", required: true },
    // Given by the writer (a portal contact's write is checked against it), checked against the ticket's by the hook.
    customer: { column: s.hdTicketComments.customer, type: "link", linkTo: "HD Customer", label: "Customer" },
    source: { column: s.hdTicketComments.source, type: "select", options: ticketCommentSources, label: "Source", readOnly: true },
    mentions: { column: s.hdTicketComments.mentions, type: "json", label: "Mentions", readOnly: true, internal: true },
  },
};

export const hdTicketActivityDocType: DocTypeDef = {
  name: "HD Ticket Activity",
  table: s.hdTicketActivities,
  standard: standardOf(s.hdTicketActivities),
  category: "helpdesk",
  scope: { kind: "department", field: "department" },
  naming: { kind: "random" },
  fields: {
    // Plain data, not a link: the activity of a ticket's creation is written before the ticket row.
    ticket: { column: s.hdTicketActivities.ticket, type: "data", label: "Ticket", required: true },
    department: { column: s.hdTicketActivities.department, type: "link", linkTo: "Department", label: "Department" },
    kind: { column: s.hdTicketActivities.kind, type: "select", options: ticketActivityKinds, label: "Kind", required: true },
    action: { column: s.hdTicketActivities.action, type: "data", label: "Action", required: true, maxLength: 500 },
    data: { column: s.hdTicketActivities.data, type: "json", label: "Details" },
  },
};

export const helpdeskDocTypes: DocTypeDef[] = [hdTeamDocType, hdAgentDocType, hdTicketTypeDocType, hdTicketPriorityDocType, hdTicketStatusDocType, hdSlaDocType, hdTicketDocType, hdTicketCommentDocType, hdTicketActivityDocType, ...escalationDocTypes];
