import * as s from "@orchestrator/db/schema";
import { callStatuses, commDirections, crmTaskPriorities, crmTaskStatuses, smsStatuses } from "@orchestrator/db/schema";
import type { DocTypeDef, FieldDef } from "@orchestrator/db";
import { standardOf } from "../../registry/standard";
import { validateCommLog, validateNote, validateTask } from "../hooks/reference-hook";

/** Follow-ups, notes and the call and SMS logs of leads and deals. Each carries the team of what it is about. */

const t = s.crmTasks;
export const crmTaskDocType: DocTypeDef = {
  name: "CRM Task",
  table: t,
  standard: standardOf(t),
  category: "crm",
  scope: { kind: "global" },
  teamScope: { ownerField: "assigned_to", teamField: "team" },
  naming: { kind: "series", prefix: "CRM-TASK-", digits: 5 },
  titleField: "title",
  searchFields: ["title"],
  validate: validateTask,
  fields: {
    title: { column: t.title, type: "data", label: "Title", required: true, maxLength: 255 },
    description: { column: t.description, type: "text", label: "Description" },
    status: { column: t.status, type: "select", options: crmTaskStatuses, label: "Status" },
    priority: { column: t.priority, type: "select", options: crmTaskPriorities, label: "Priority" },
    due_date: { column: t.dueDate, type: "datetime", label: "Due" },
    assigned_to: { column: t.assignedTo, type: "link", linkTo: "User", label: "Assigned to" },
    reminder_at: { column: t.reminderAt, type: "datetime", label: "Remind at" },
    reminded_on: { column: t.remindedOn, type: "datetime", label: "Reminded on", readOnly: true },
    reference_doctype: { column: t.referenceDoctype, type: "data", label: "Reference type" },
    reference_docname: { column: t.referenceDocname, type: "data", label: "Reference" },
    team: { column: t.team, type: "link", linkTo: "CRM Team", label: "Team" },
  },
};

const n = s.crmNotes;
export const crmNoteDocType: DocTypeDef = {
  name: "CRM Note",
  table: n,
  standard: standardOf(n),
  category: "crm",
  scope: { kind: "global" },
  teamScope: { ownerField: "owner", teamField: "team" },
  naming: { kind: "random" },
  titleField: "title",
  searchFields: ["title", "content"],
  validate: validateNote,
  fields: {
    title: { column: n.title, type: "data", label: "Title", maxLength: 255 },
    content: { column: n.content, type: "text", label: "Content", required: true },
    reference_doctype: { column: n.referenceDoctype, type: "data", label: "Reference type" },
    reference_docname: { column: n.referenceDocname, type: "data", label: "Reference" },
    team: { column: n.team, type: "link", linkTo: "CRM Team", label: "Team" },
  },
};

type CommTable = typeof s.crmCallLogs | typeof s.crmSmsLogs;
function commFields(c: CommTable): Record<string, FieldDef> {
  return {
    direction: { column: c.direction, type: "select", options: commDirections, label: "Direction", required: true },
    from: { column: c.fromNumber, type: "data", label: "From", maxLength: 40 },
    to: { column: c.toNumber, type: "data", label: "To", maxLength: 40 },
    reference_doctype: { column: c.referenceDoctype, type: "data", label: "Reference type" },
    reference_docname: { column: c.referenceDocname, type: "data", label: "Reference" },
    provider_id: { column: c.providerId, type: "data", label: "Provider id" },
    agent: { column: c.agent, type: "link", linkTo: "User", label: "Agent" },
    team: { column: c.team, type: "link", linkTo: "CRM Team", label: "Team" },
  };
}

const call = s.crmCallLogs;
export const crmCallLogDocType: DocTypeDef = {
  name: "CRM Call Log",
  table: call,
  standard: standardOf(call),
  category: "crm",
  scope: { kind: "global" },
  teamScope: { ownerField: "agent", teamField: "team" },
  naming: { kind: "random" },
  validate: validateCommLog,
  fields: {
    ...commFields(call),
    status: { column: call.status, type: "select", options: callStatuses, label: "Status" },
    duration: { column: call.duration, type: "int", label: "Duration (s)" },
    recording_url: { column: call.recordingUrl, type: "data", label: "Recording", maxLength: 500 },
    note: { column: call.note, type: "text", label: "Note" },
  },
};

const sms = s.crmSmsLogs;
export const crmSmsLogDocType: DocTypeDef = {
  name: "CRM SMS Log",
  table: sms,
  standard: standardOf(sms),
  category: "crm",
  scope: { kind: "global" },
  teamScope: { ownerField: "agent", teamField: "team" },
  naming: { kind: "random" },
  validate: validateCommLog,
  fields: {
    ...commFields(sms),
    status: { column: sms.status, type: "select", options: smsStatuses, label: "Status" },
    body: { column: sms.body, type: "text", label: "Message", maxLength: 1600 },
  },
};
