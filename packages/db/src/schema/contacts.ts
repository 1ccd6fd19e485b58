import { index, int, mysqlTable, boolean, varchar, text } from "drizzle-orm/mysql-core";
import { link, nameKey, timestamps } from "./columns";

/**
 * Customers and their contacts (issue 5: the helpdesk's customers and portal users; the CRM of
 * issue 6 reuses them). Frappe's names: `HD Customer`, and `Contact` with its `Contact Email` and
 * `Contact Phone` child tables. A contact with a `user` signs in to the customer portal and sees the
 * tickets of its customer only (the `own_customer` grant scope).
 */

/** `HD Customer`: an organisation whose contacts raise tickets. `domain` matches inbound senders' addresses. */
export const hdCustomers = mysqlTable(
  "hd_customers",
  {
    name: nameKey(),
    customerName: varchar("customer_name", { length: 140 }).notNull(),
    /** E-mail domain (`acme.example`): an unknown sender from it becomes a contact of this customer. */
    domain: varchar("domain", { length: 140 }),
    /** The department that serves this customer: its portal and e-mail tickets are filed there. */
    department: link("department").notNull(),
    ...timestamps(),
  },
  (t) => [index("hd_customers_domain_idx").on(t.domain)],
);

/** `Contact`: a person at a customer (or on their own). `email_id` is the primary address, kept in step with the child rows. */
export const contacts = mysqlTable(
  "contacts",
  {
    name: nameKey(),
    firstName: varchar("first_name", { length: 140 }),
    lastName: varchar("last_name", { length: 140 }),
    fullName: varchar("full_name", { length: 280 }).notNull(),
    emailId: varchar("email_id", { length: 140 }),
    phone: varchar("phone", { length: 40 }),
    customer: link("customer"),
    /** The portal login (a user named by this email), if the contact may sign in. */
    user: link("user"),
    ...timestamps(),
  },
  (t) => [index("contacts_customer_idx").on(t.customer), index("contacts_user_idx").on(t.user), index("contacts_email_idx").on(t.emailId)],
);

/** Child table of `Contact`: its e-mail addresses. An address belongs to one contact (inbound mail finds the sender by it). */
export const contactEmails = mysqlTable(
  "contact_emails",
  {
    name: nameKey(),
    parent: link("parent").notNull(),
    idx: int("idx").notNull().default(0),
    emailId: varchar("email_id", { length: 140 }).notNull().unique(),
    isPrimary: boolean("is_primary").notNull().default(false),
    ...timestamps(),
  },
  (t) => [index("contact_emails_parent_idx").on(t.parent)],
);

/** Child table of `Contact`: its phone numbers. */
export const contactPhones = mysqlTable(
  "contact_phones",
  {
    name: nameKey(),
    parent: link("parent").notNull(),
    idx: int("idx").notNull().default(0),
    phone: varchar("phone", { length: 40 }).notNull(),
    isPrimary: boolean("is_primary").notNull().default(false),
    note: text("note"),
    ...timestamps(),
  },
  (t) => [index("contact_phones_parent_idx").on(t.parent)],
);
