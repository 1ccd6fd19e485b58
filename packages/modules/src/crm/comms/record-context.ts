import { AppErrorCode, isAppError, type Doc, type Principal, type ScopedDb } from "@orchestrator/db";
import { actingWith } from "../hands";
import { str } from "../hooks/person-fields";
import { CRM_MERGE_FIELDS, type MergeContext } from "./templates";

/** The records messages are sent from (and received on). */
export const COMMS_DOCTYPES = ["CRM Lead", "CRM Deal"] as const;
export type CommsDoctype = (typeof COMMS_DOCTYPES)[number];

/** A lead or deal as the caller reads it, with the lead it is (or came from) and its contact. */
export interface RecordContext {
  doctype: CommsDoctype;
  record: Doc;
  lead: Doc | null;
  contact: Doc | null;
}

async function orNull(read: Promise<Doc>): Promise<Doc | null> {
  try {
    return await read;
  } catch (error) {
    if (isAppError(error) && error.code === AppErrorCode.NotFound) return null;
    throw error;
  }
}

/**
 * The record in the caller's scope (NOT FOUND otherwise; `forUpdate` locks it for the transaction),
 * the lead (the record, or the deal's lead when the caller reads it) and the contact (the deal's, or
 * the one the lead converted to). The contact — a shared `Contact`, the helpdesk's category — is read
 * through the CRM's hand, only because the caller reads the deal that links it.
 */
export async function loadRecordContext(scoped: ScopedDb, doctype: CommsDoctype, name: string, options: { forUpdate?: boolean } = {}): Promise<RecordContext> {
  const record = await scoped.get(doctype, name, { forUpdate: options.forUpdate === true });
  const lead = doctype === "CRM Lead" ? record : str(record.lead) ? await orNull(scoped.get("CRM Lead", String(record.lead))) : null;
  const deal = doctype === "CRM Deal" ? record : str(record.converted_deal) ? await orNull(scoped.get("CRM Deal", String(record.converted_deal))) : null;
  const contactName = deal ? str(deal.contact) : null;
  const contact = contactName ? await orNull(actingWith(scoped, "helpdesk").get("Contact", contactName, { logAccess: false })) : null;
  return { doctype, record, lead, contact };
}

function pick(doc: Readonly<Record<string, unknown>> | null, fields: readonly string[]): Record<string, unknown> | null {
  return doc ? Object.fromEntries(fields.map((f) => [f, doc[f] ?? null])) : null;
}

/** The merge fields' values: only the whitelisted ones (a template cannot reach anything else). */
export function mergeContextOf(context: RecordContext, sender: Principal): MergeContext {
  const contact = context.contact ? { first_name: context.contact.first_name, last_name: context.contact.last_name, email: context.contact.email_id, phone: context.contact.phone, customer: context.contact.customer } : null;
  return {
    lead: pick(context.lead, CRM_MERGE_FIELDS.lead ?? []),
    contact: pick(contact, CRM_MERGE_FIELDS.contact ?? []),
    sender: pick({ full_name: sender.fullName, email: sender.user }, CRM_MERGE_FIELDS.sender ?? []),
  };
}

/** Where an e-mail goes unless the caller says: the lead's address, or the deal contact's primary one (else its lead's). */
export function defaultEmail(context: RecordContext): string | null {
  if (context.doctype === "CRM Lead") return str(context.record.email);
  return str(context.contact?.email_id) ?? str(context.lead?.email);
}

/** Where a text or call goes unless the caller says: the lead's mobile (else phone), or the deal contact's primary phone (else its lead's). */
export function defaultPhone(context: RecordContext): string | null {
  const ofLead = (lead: Doc | null) => str(lead?.mobile_no) ?? str(lead?.phone);
  if (context.doctype === "CRM Lead") return ofLead(context.record);
  return str(context.contact?.phone) ?? ofLead(context.lead);
}
