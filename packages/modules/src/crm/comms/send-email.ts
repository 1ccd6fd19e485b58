import { AppError, AppErrorCode, isAppError, type Doc, type FieldIssue, type ScopedDb } from "@orchestrator/db";
import { checkEmail } from "../../contacts/validate-contact";
import { fromAddress } from "../../email/env";
import { queueEmail } from "../../email/outbox";
import { str } from "../hooks/person-fields";
import { recordEmail } from "./record-email";
import { defaultEmail, loadRecordContext, mergeContextOf, type CommsDoctype, type RecordContext } from "./record-context";
import { checkTemplate, renderEmailTemplate, type EmailTemplate } from "./templates";

export interface EmailFromRecordInput {
  doctype: CommsDoctype;
  name: string;
  /** Default: the lead's e-mail, or the deal contact's primary one. */
  to?: string | undefined;
  /** An `Email Template` (enabled); `subject` and `body` given here override its parts. */
  template?: string | undefined;
  subject?: string | undefined;
  body?: string | undefined;
}

export interface ComposedEmail {
  to: string;
  template: EmailTemplate;
}

async function templateOf(scoped: ScopedDb, name: string): Promise<{ doc: Doc } | { issue: FieldIssue }> {
  try {
    const doc = await scoped.get("Email Template", name);
    return doc.enabled === 1 ? { doc } : { issue: { field: "template", message: `Template ${name} is disabled` } };
  } catch (error) {
    if (isAppError(error) && error.code === AppErrorCode.NotFound) return { issue: { field: "template", message: `Template ${name} not found` } };
    throw error;
  }
}

/**
 * The recipient and the unrendered subject and body, every problem reported at once per field:
 * `to` (missing, malformed), `template` (unknown, disabled), `subject` and `body` (missing, unknown
 * or malformed merge fields).
 */
async function compose(scoped: ScopedDb, input: EmailFromRecordInput, context: RecordContext): Promise<ComposedEmail> {
  const issues: FieldIssue[] = [];
  // An empty part given here is "not given": the template's is used.
  let subject = input.subject?.trim() ? input.subject : undefined;
  let body = input.body?.trim() ? input.body : undefined;
  if (input.template) {
    const template = await templateOf(scoped, input.template);
    if ("issue" in template) issues.push(template.issue);
    else {
      subject ??= str(template.doc.subject) ?? "";
      body ??= str(template.doc.response) ?? "";
    }
  }
  const to = input.to?.trim() || defaultEmail(context);
  const toProblem = to ? checkEmail(to) : `${context.doctype === "CRM Lead" ? "The lead" : "The deal's contact"} has no e-mail address: give one`;
  if (toProblem) issues.push({ field: "to", message: toProblem });
  // A missing part is only news when no template was named (a bad template was just reported).
  const templateRefused = issues.some((i) => i.field === "template");
  if (subject?.trim()) issues.push(...checkTemplate(subject, "subject"));
  else if (!templateRefused) issues.push({ field: "subject", message: "Subject is required (or choose a template)" });
  if (body?.trim()) issues.push(...checkTemplate(body, "body"));
  else if (!templateRefused) issues.push({ field: "body", message: "Write the message (or choose a template)" });
  if (issues.length) throw AppError.validation(issues);
  return { to: to!, template: { subject: subject!, body: body! } };
}

/** What `crm.sendEmail` would send, rendered for the caller; nothing is written. */
export async function previewEmail(scoped: ScopedDb, input: EmailFromRecordInput): Promise<{ to: string; subject: string; body: string }> {
  const context = await loadRecordContext(scoped, input.doctype, input.name);
  const composed = await compose(scoped, input, context);
  const rendered = renderEmailTemplate(composed.template, mergeContextOf(context, scoped.principal));
  return { to: composed.to, ...rendered };
}

/** `"Ana Lima" <crm@…>`: the caller's name on our sending address (replies come back to our inbound webhook). */
function senderOf(fullName: string): string {
  const display = fullName.replace(/["\\\r\n]/g, "").trim();
  return display ? `"${display}" <${fromAddress()}>` : fromAddress();
}

/**
 * Sends an e-mail from a lead or deal, in one transaction: the record read (and locked) in the
 * caller's scope (NOT FOUND otherwise), the template rendered (field errors, nothing written), the
 * outbox row queued with the record as its thread (so replies come back to it), the `Communication`
 * (Sent, our Message-ID) and, for a New lead, its status moved to Contacted — each audited as the caller.
 */
export async function sendEmail(scoped: ScopedDb, input: EmailFromRecordInput): Promise<{ communication: Doc }> {
  return scoped.transaction(async (tx) => {
    const context = await loadRecordContext(tx, input.doctype, input.name, { forUpdate: true });
    const composed = await compose(tx, input, context);
    const mail = recordEmail({ record: { doctype: input.doctype, name: input.name }, to: composed.to, template: composed.template, context: mergeContextOf(context, tx.principal) });
    const sender = senderOf(tx.principal.fullName);
    const queued = await queueEmail(tx, { ...mail, sender });
    const communication = await tx.insert("Communication", {}, {
      serverValues: {
        communication_medium: "Email",
        sent_or_received: "Sent",
        subject: mail.subject,
        content: mail.message,
        sender: fromAddress(),
        sender_full_name: tx.principal.fullName.slice(0, 140),
        recipients: mail.recipients.join(", "),
        reference_doctype: input.doctype,
        reference_docname: input.name,
        message_id: queued.messageId,
        user: tx.principal.user,
        team: str(context.record.team),
      },
    });
    // Frappe CRM does the same: a lead that has been written to is no longer New.
    if (input.doctype === "CRM Lead" && context.record.status === "New") await tx.update("CRM Lead", input.name, { status: "Contacted" });
    return { communication };
  });
}
