import { AppError } from "@orchestrator/db";
import { checkEmail } from "../../contacts/validate-contact";
import type { QueueEmailInput } from "../../email/outbox";
import { CRM_MERGE_FIELDS, renderEmailTemplate, type EmailTemplate, type MergeContext, type MergeFieldWhitelist } from "./templates";

export interface RecordEmailInput {
  /** The record the mail is about: its thread, and where replies attach. */
  record: { doctype: string; name: string; department?: string | null };
  to: string;
  template: EmailTemplate;
  context: MergeContext;
  allowed?: MergeFieldWhitelist;
}

/**
 * The outbox input for "send e-mail from a record": template rendered, recipient checked. The caller
 * passes it to `queueEmail(scoped, …)` inside the transaction that writes the timeline entry, so the
 * mail exists if and only if the entry does.
 */
export function recordEmail(input: RecordEmailInput): QueueEmailInput {
  const problem = checkEmail(input.to);
  if (problem) throw AppError.validation([{ field: "to", message: problem }]);
  const { subject, body } = renderEmailTemplate(input.template, input.context, input.allowed ?? CRM_MERGE_FIELDS);
  if (!subject.trim()) throw AppError.validation([{ field: "subject", message: "The subject is empty" }]);
  return { recipients: [input.to.trim()], subject, message: body, reference: { doctype: input.record.doctype, name: input.record.name, department: input.record.department ?? null } };
}
