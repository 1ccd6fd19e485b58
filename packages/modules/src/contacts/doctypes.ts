import * as s from "@orchestrator/db/schema";
import { AppError, type DocTypeDef, type ValidateEvent, type ScopedDb } from "@orchestrator/db";
import { invalidatePrincipal } from "@orchestrator/auth";
import { standardOf } from "../registry/standard";
import { checkEmail, checkPhone } from "./validate-contact";

/**
 * `HD Customer` and `Contact` (Frappe's names). Helpdesk readers see every customer and contact
 * (tickets name them); a portal contact sees only their own customer and its contacts.
 */
export const hdCustomerDocType: DocTypeDef = {
  name: "HD Customer",
  table: s.hdCustomers,
  standard: standardOf(s.hdCustomers),
  category: "helpdesk",
  scope: { kind: "global" },
  customerScope: { field: "customer_name" },
  naming: { kind: "field", field: "customer_name" },
  titleField: "customer_name",
  searchFields: ["customer_name", "domain"],
  validate: validateCustomer,
  fields: {
    customer_name: { column: s.hdCustomers.customerName, type: "data", label: "Customer name", required: true, maxLength: 140 },
    domain: { column: s.hdCustomers.domain, type: "data", label: "E-mail domain", maxLength: 140, internal: true },
    department: { column: s.hdCustomers.department, type: "link", linkTo: "Department", label: "Department", required: true, internal: true },
  },
};

async function validateCustomer(_scoped: ScopedDb, event: ValidateEvent): Promise<void> {
  const domain = event.doc.domain;
  if (typeof domain === "string" && domain && !/^(?=.{1,140}$)([a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/i.test(domain)) {
    throw AppError.validation([{ field: "domain", message: `${domain} is not a domain name (e.g. acme.example)` }]);
  }
  if (event.action === "update" && event.changed.includes("customer_name")) throw AppError.validation([{ field: "customer_name", message: "A customer's name is its id and cannot change" }]);
}

const c = s.contacts;

export const contactDocType: DocTypeDef = {
  name: "Contact",
  table: c,
  standard: standardOf(c),
  category: "helpdesk",
  scope: { kind: "global" },
  customerScope: { field: "customer" },
  naming: { kind: "random" },
  titleField: "full_name",
  searchFields: ["full_name", "email_id", "phone"],
  validate: validateContact,
  // A contact's portal login sees its customer's tickets: a change of either reloads that user's principal.
  afterWrite: async (event) => {
    const users = new Set([event.row.user, event.previous?.user].filter((u): u is string => typeof u === "string" && u !== ""));
    if (event.action === "delete" || event.changed.includes("user") || event.changed.includes("customer")) for (const user of users) await invalidatePrincipal(user);
  },
  fields: {
    first_name: { column: c.firstName, type: "data", label: "First name", maxLength: 140 },
    last_name: { column: c.lastName, type: "data", label: "Last name", maxLength: 140 },
    full_name: { column: c.fullName, type: "data", label: "Full name", readOnly: true },
    email_id: { column: c.emailId, type: "data", label: "Primary e-mail", readOnly: true },
    phone: { column: c.phone, type: "data", label: "Primary phone", readOnly: true },
    customer: { column: c.customer, type: "link", linkTo: "HD Customer", label: "Customer" },
    user: { column: c.user, type: "link", linkTo: "User", label: "Portal login", internal: true },
  },
  children: {
    email_ids: {
      doctype: "Contact Email",
      table: s.contactEmails,
      standard: standardOf(s.contactEmails),
      parent: s.contactEmails.parent,
      idx: s.contactEmails.idx,
      category: "helpdesk",
      fields: {
        email_id: { column: s.contactEmails.emailId, type: "data", label: "E-mail", required: true, maxLength: 140 },
        is_primary: { column: s.contactEmails.isPrimary, type: "check", label: "Primary" },
      },
    },
    phone_nos: {
      doctype: "Contact Phone",
      table: s.contactPhones,
      standard: standardOf(s.contactPhones),
      parent: s.contactPhones.parent,
      idx: s.contactPhones.idx,
      category: "helpdesk",
      fields: {
        phone: { column: s.contactPhones.phone, type: "data", label: "Phone", required: true, maxLength: 40 },
        is_primary: { column: s.contactPhones.isPrimary, type: "check", label: "Primary" },
      },
    },
  },
};

type Row = Readonly<Record<string, unknown>>;

/** The primary row of a child table: the one marked, else the first. */
function primary(rows: readonly Row[] | undefined, field: string): string | null | undefined {
  if (!rows) return undefined;
  const chosen = rows.find((r) => r.is_primary) ?? rows[0];
  return chosen ? String(chosen[field]) : null;
}

/**
 * Contact's validate: a name is required (first or last), addresses and numbers are well formed
 * (refused per row), addresses are stored lower-case, at most one of each is primary, and the
 * primary ones are copied to `email_id` / `phone` for lists and lookups.
 */
async function validateContact(_scoped: ScopedDb, event: ValidateEvent): Promise<Record<string, unknown>> {
  const issues: { field: string; message: string }[] = [];
  const first = typeof event.doc.first_name === "string" ? event.doc.first_name.trim() : "";
  const last = typeof event.doc.last_name === "string" ? event.doc.last_name.trim() : "";
  if (!first && !last) issues.push({ field: "first_name", message: "First or last name is required" });
  const emails = event.children?.email_ids;
  const phones = event.children?.phone_nos;
  emails?.forEach((row, i) => {
    const problem = checkEmail(row.email_id);
    if (problem) issues.push({ field: `email_ids[${i}].email_id`, message: problem });
  });
  phones?.forEach((row, i) => {
    const problem = checkPhone(row.phone);
    if (problem) issues.push({ field: `phone_nos[${i}].phone`, message: problem });
  });
  if ((emails?.filter((r) => r.is_primary).length ?? 0) > 1) issues.push({ field: "email_ids", message: "Only one e-mail can be primary" });
  if ((phones?.filter((r) => r.is_primary).length ?? 0) > 1) issues.push({ field: "phone_nos", message: "Only one phone can be primary" });
  if (issues.length) throw AppError.validation(issues);
  const set: Record<string, unknown> = { full_name: [first, last].filter(Boolean).join(" ") };
  const email = primary(emails, "email_id");
  if (email !== undefined) set.email_id = email?.toLowerCase() ?? null;
  const phone = primary(phones, "phone");
  if (phone !== undefined) set.phone = phone;
  return set;
}

export const contactDocTypes: DocTypeDef[] = [hdCustomerDocType, contactDocType];
