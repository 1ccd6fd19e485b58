import * as s from "@orchestrator/db/schema";
import { communicationMedia, sentOrReceived } from "@orchestrator/db/schema";
import { AppError, type DocTypeDef, type ScopedDb, type ValidateEvent } from "@orchestrator/db";
import { standardOf } from "../../registry/standard";
import { CRM_REFERENCE_DOCTYPES } from "../hooks/reference-hook";
import { checkTemplate } from "./templates";

/** Record types a template may be written for (empty: any). */
export const TEMPLATE_DOCTYPES = ["CRM Lead", "CRM Deal"] as const;

/**
 * A template names only whitelisted merge fields (`checkTemplate`), so a typo is refused on save,
 * per field (`subject`, `response`), not when someone sends it.
 */
export async function validateEmailTemplate(_scoped: ScopedDb, event: ValidateEvent): Promise<void> {
  const issues: { field: string; message: string }[] = [];
  for (const field of ["subject", "response"] as const) {
    const value = event.doc[field];
    if (!event.changed.includes(field)) continue;
    if (typeof value !== "string" || !value.trim()) issues.push({ field, message: field === "subject" ? "Subject is required" : "Write the message" });
    else issues.push(...checkTemplate(value, field));
  }
  const doctype = event.doc.reference_doctype;
  if (event.changed.includes("reference_doctype") && typeof doctype === "string" && doctype && !(TEMPLATE_DOCTYPES as readonly string[]).includes(doctype)) {
    issues.push({ field: "reference_doctype", message: `must be one of ${TEMPLATE_DOCTYPES.join(", ")} (or empty: any)` });
  }
  if (issues.length) throw AppError.validation(issues);
}

const t = s.emailTemplates;

/**
 * `Email Template` (Frappe's name): named by its title. Every sales user reads the catalogue; Sales
 * Managers (and a CRM grant of scope `all`) write it.
 */
export const emailTemplateDocType: DocTypeDef = {
  name: "Email Template",
  table: t,
  standard: standardOf(t),
  category: "crm",
  scope: { kind: "global" },
  teamScope: { catalogue: true, writerRoles: ["Sales Manager"] },
  naming: { kind: "prompt" },
  searchFields: ["name", "subject"],
  titleField: "subject",
  validate: validateEmailTemplate,
  fields: {
    subject: { column: t.subject, type: "data", label: "Subject", required: true, maxLength: 500 },
    response: { column: t.response, type: "text", label: "Message", required: true },
    reference_doctype: { column: t.referenceDoctype, type: "data", label: "For" },
    enabled: { column: t.enabled, type: "check", label: "Enabled" },
  },
};

/** Communications are written by sending or receiving e-mail (`crm.sendEmail`, the inbound webhook), never directly. */
async function validateCommunication(_scoped: ScopedDb, event: ValidateEvent): Promise<void> {
  if (event.action !== "create") return;
  const reference = event.doc.reference_doctype;
  if (!event.doc.sent_or_received || typeof reference !== "string" || !(CRM_REFERENCE_DOCTYPES as readonly string[]).includes(reference) || !event.doc.reference_docname) {
    throw AppError.validation([{ field: "sent_or_received", message: "A communication is recorded by sending an e-mail from a lead or deal (crm.sendEmail) or by receiving one" }]);
  }
}

const c = s.communications;

/**
 * `Communication` (Frappe's name): an e-mail sent from or received on a CRM record. Every field is
 * server-set (read-only over the API). Scoped like the record: our side's `user` (the sender, or the
 * record's owner for a received message) and the record's `team`. The delivery status of a sent one
 * is its outbox row's (by `message_id`), read by the timeline, not stored here.
 */
export const communicationDocType: DocTypeDef = {
  name: "Communication",
  table: c,
  standard: standardOf(c),
  category: "crm",
  scope: { kind: "global" },
  teamScope: { ownerField: "user", teamField: "team" },
  naming: { kind: "random" },
  titleField: "subject",
  searchFields: ["subject", "sender", "recipients"],
  validate: validateCommunication,
  fields: {
    communication_medium: { column: c.communicationMedium, type: "select", options: communicationMedia, label: "Medium", readOnly: true },
    sent_or_received: { column: c.sentOrReceived, type: "select", options: sentOrReceived, label: "Sent or received", readOnly: true },
    subject: { column: c.subject, type: "data", label: "Subject", maxLength: 500, readOnly: true },
    content: { column: c.content, type: "text", label: "Message", maxLength: 1_000_000, readOnly: true },
    sender: { column: c.sender, type: "data", label: "From", maxLength: 255, readOnly: true },
    sender_full_name: { column: c.senderFullName, type: "data", label: "From (name)", readOnly: true },
    recipients: { column: c.recipients, type: "text", label: "To", readOnly: true },
    reference_doctype: { column: c.referenceDoctype, type: "data", label: "Reference type", readOnly: true },
    reference_docname: { column: c.referenceDocname, type: "data", label: "Reference", readOnly: true },
    message_id: { column: c.messageId, type: "data", label: "Message-ID", maxLength: 255, readOnly: true },
    in_reply_to: { column: c.inReplyTo, type: "data", label: "In-Reply-To", maxLength: 255, readOnly: true },
    user: { column: c.user, type: "link", linkTo: "User", label: "User", readOnly: true },
    team: { column: c.team, type: "link", linkTo: "CRM Team", label: "Team", readOnly: true },
  },
};
