import * as s from "@orchestrator/db/schema";
import { escalationClocks, notificationEmailStatuses, notificationKinds } from "@orchestrator/db/schema";
import type { DocTypeDef } from "@orchestrator/db";
import { standardOf } from "../../registry/standard";
import { validateEscalationRule } from "./validate-rule";

const l = s.hdEscalationLevels;

/** `HD Escalation Rule` (Frappe Helpdesk's name; ours has ordered levels). Global, like the SLA. */
export const hdEscalationRuleDocType: DocTypeDef = {
  name: "HD Escalation Rule",
  table: s.hdEscalationRules,
  standard: standardOf(s.hdEscalationRules),
  category: "helpdesk",
  scope: { kind: "global" },
  naming: { kind: "prompt" },
  validate: validateEscalationRule,
  fields: {
    description: { column: s.hdEscalationRules.description, type: "text", label: "Description" },
    enabled: { column: s.hdEscalationRules.enabled, type: "check", label: "Enabled" },
    conditions: { column: s.hdEscalationRules.conditions, type: "json", label: "Conditions" },
  },
  children: {
    levels: {
      doctype: "HD Escalation Level",
      table: l,
      standard: standardOf(l),
      parent: l.parent,
      idx: l.idx,
      category: "helpdesk",
      fields: {
        trigger_clock: { column: l.triggerClock, type: "select", options: escalationClocks, label: "Clock", required: true },
        trigger_percent: { column: l.triggerPercent, type: "int", label: "When % of the target is used (empty = when breached)" },
        notify_assignee: { column: l.notifyAssignee, type: "check", label: "Notify the assignee" },
        notify_team_lead: { column: l.notifyTeamLead, type: "check", label: "Notify the team lead" },
        notify_user: { column: l.notifyUser, type: "link", linkTo: "User", label: "Notify user" },
        notify_email: { column: l.notifyEmail, type: "check", label: "Also by email" },
        reassign_team: { column: l.reassignTeam, type: "link", linkTo: "HD Team", label: "Reassign to team" },
        reassign_agent: { column: l.reassignAgent, type: "link", linkTo: "User", label: "Reassign to agent" },
        raise_priority: { column: l.raisePriority, type: "data", label: "Raise priority (next, or a priority)" },
      },
    },
  },
};

const n = s.hdNotifications;

/** `HD Notification`: in-app notifications (escalations so far). Carries the ticket's department (its scope). */
export const hdNotificationDocType: DocTypeDef = {
  name: "HD Notification",
  table: n,
  standard: standardOf(n),
  category: "helpdesk",
  scope: { kind: "department", field: "department" },
  naming: { kind: "random" },
  fields: {
    for_user: { column: n.forUser, type: "link", linkTo: "User", label: "For", required: true },
    // Plain data: like an activity row, it names the ticket it is about.
    ticket: { column: n.ticket, type: "data", label: "Ticket", required: true },
    department: { column: n.department, type: "link", linkTo: "Department", label: "Department" },
    kind: { column: n.kind, type: "select", options: notificationKinds, label: "Kind", required: true },
    subject: { column: n.subject, type: "data", label: "Subject", required: true, maxLength: 500 },
    read: { column: n.read, type: "check", label: "Read" },
    email_status: { column: n.emailStatus, type: "select", options: notificationEmailStatuses, label: "Email" },
  },
};

export const escalationDocTypes: DocTypeDef[] = [hdEscalationRuleDocType, hdNotificationDocType];
