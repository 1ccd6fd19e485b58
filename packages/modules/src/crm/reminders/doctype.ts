import * as s from "@orchestrator/db/schema";
import { crmNotificationKinds } from "@orchestrator/db/schema";
import type { DocTypeDef } from "@orchestrator/db";
import { standardOf } from "../../registry/standard";

const n = s.crmNotifications;

/**
 * `CRM Notification`: a user's in-app notices (task reminders). A notice is its recipient's alone:
 * `self` scope for staff grants, and for `own_team` grants the "team" field is the recipient too, so a
 * teammate's notices never match (a team name is never a user). Written by the reminder job; its
 * recipient may only mark it read (every other field is server-set).
 */
export const crmNotificationDocType: DocTypeDef = {
  name: "CRM Notification",
  table: n,
  standard: standardOf(n),
  category: "crm",
  scope: { kind: "self", field: "for_user" },
  teamScope: { ownerField: "for_user", teamField: "for_user" },
  naming: { kind: "random" },
  titleField: "subject",
  fields: {
    for_user: { column: n.forUser, type: "link", linkTo: "User", label: "For", required: true },
    kind: { column: n.kind, type: "select", options: crmNotificationKinds, label: "Kind", required: true, readOnly: true },
    subject: { column: n.subject, type: "data", label: "Subject", required: true, maxLength: 500, readOnly: true },
    task: { column: n.task, type: "data", label: "Task", readOnly: true },
    reminder_at: { column: n.reminderAt, type: "datetime", label: "Reminder time", readOnly: true },
    reference_doctype: { column: n.referenceDoctype, type: "data", label: "Reference type", readOnly: true },
    reference_docname: { column: n.referenceDocname, type: "data", label: "Reference", readOnly: true },
    read: { column: n.read, type: "check", label: "Read" },
  },
};
