import type { ScopedDb } from "@orchestrator/db";
import { contactEmails, contacts } from "@orchestrator/db/schema";
import { eq } from "drizzle-orm";

export interface Sender {
  email: string;
  contact: string;
  /** The sender's customer (HD Customer), or null: a person on their own. */
  customer: string | null;
  created: boolean;
}

/** "Ana Maria Lima" → first "Ana Maria", last "Lima"; no name → the address's local part. */
export function splitName(name: string | undefined, email: string): { first_name: string; last_name: string | null } {
  const words = (name ?? "").replace(/["']/g, "").trim().split(/\s+/).filter(Boolean);
  if (!words.length) return { first_name: email.split("@")[0]!.slice(0, 140), last_name: null };
  if (words.length === 1) return { first_name: words[0]!.slice(0, 140), last_name: null };
  return { first_name: words.slice(0, -1).join(" ").slice(0, 140), last_name: words.at(-1)!.slice(0, 140) };
}

/**
 * Who sent an e-mail: the Contact that has the address (its customer with it), or a new Contact named
 * from the From header, of the customer whose `domain` is the address's domain (only when exactly one
 * customer has it), else of no customer. Written through `scoped` (audited) in its transaction.
 */
export async function resolveSender(scoped: ScopedDb, from: { email: string; name?: string | undefined }): Promise<Sender> {
  const email = from.email.toLowerCase();
  // The address's owner: an existence lookup on the unique `contact_emails.email_id`, like a link check.
  const [known] = await scoped.bookkeepingExecutor().select({ contact: contacts.name, customer: contacts.customer }).from(contactEmails).innerJoin(contacts, eq(contacts.name, contactEmails.parent)).where(eq(contactEmails.emailId, email)).limit(1);
  if (known) return { email, contact: known.contact, customer: known.customer ?? null, created: false };
  const domain = email.split("@")[1] ?? "";
  const customers = await scoped.list("HD Customer", { fields: ["name"], filters: [{ field: "domain", operator: "=", value: domain }], limit: 2 });
  const customer = customers.length === 1 ? String(customers[0]!.name) : null;
  const contact = await scoped.insert("Contact", { ...splitName(from.name, email), customer, email_ids: [{ email_id: email, is_primary: 1 }] });
  return { email, contact: contact.name, customer, created: true };
}
