import type { ScopedDb } from "@orchestrator/db";
import { contactEmails } from "@orchestrator/db/schema";
import { eq } from "drizzle-orm";
import { str } from "../hooks/person-fields";
import type { CommsDoctype } from "../comms/record-context";

export interface RecordRef {
  doctype: CommsDoctype;
  name: string;
}

/**
 * The CRM record a sender's e-mail belongs to: their newest lead not yet converted; else the deal
 * their newest converted lead became; else the newest deal whose contact has the address; else none.
 * Read as the integration user (every team's records), in the receiving transaction.
 */
export async function matchSender(tx: ScopedDb, address: string): Promise<RecordRef | null> {
  const leads = await tx.list("CRM Lead", { filters: [{ field: "email", operator: "=", value: address }], fields: ["name", "converted_deal"], orderBy: [{ field: "creation", direction: "desc" }], limit: 50 });
  const open = leads.find((l) => !str(l.converted_deal));
  if (open) return { doctype: "CRM Lead", name: String(open.name) };
  const converted = leads.find((l) => str(l.converted_deal));
  if (converted) return { doctype: "CRM Deal", name: String(converted.converted_deal) };
  // The address's contact: an existence lookup on the unique `contact_emails.email_id`, as the helpdesk's sender lookup.
  const [contact] = await tx.bookkeepingExecutor().select({ name: contactEmails.parent }).from(contactEmails).where(eq(contactEmails.emailId, address)).limit(1);
  if (!contact) return null;
  const [deal] = await tx.list("CRM Deal", { filters: [{ field: "contact", operator: "=", value: contact.name }], fields: ["name"], orderBy: [{ field: "creation", direction: "desc" }], limit: 1 });
  return deal ? { doctype: "CRM Deal", name: String(deal.name) } : null;
}
