import { boolean, index, mediumtext, mysqlEnum, mysqlTable, text, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { link, nameKey, timestamps } from "./columns";

/**
 * CRM communication (issue 6), Frappe's DocType names: `Communication` (an e-mail sent from or
 * received on a lead or deal; texts and calls are the CRM's SMS and call logs) and `Email Template`.
 * A sent message's delivery status is not stored here: it is the outbox row's (`email_queue.status`,
 * found by `message_id`), read when the timeline is built, so there is one source of truth.
 */

export const communicationMedia = ["Email"] as const;
export const sentOrReceived = ["Sent", "Received"] as const;

/** `Communication`: one e-mail on a CRM record, team-scoped like the record (`user` = our side's user, `team`). */
export const communications = mysqlTable(
  "communications",
  {
    name: nameKey(),
    communicationMedium: mysqlEnum("communication_medium", communicationMedia).notNull().default("Email"),
    sentOrReceived: mysqlEnum("sent_or_received", sentOrReceived).notNull(),
    subject: varchar("subject", { length: 500 }),
    content: mediumtext("content"),
    /** The From address. */
    sender: varchar("sender", { length: 255 }),
    senderFullName: varchar("sender_full_name", { length: 140 }),
    /** Addresses, comma-separated, as Frappe stores them. */
    recipients: text("recipients"),
    referenceDoctype: varchar("reference_doctype", { length: 140 }),
    referenceDocname: link("reference_docname"),
    /** The RFC 5322 Message-ID (ours for a sent message, the sender's for a received one). */
    messageId: varchar("message_id", { length: 255 }),
    inReplyTo: varchar("in_reply_to", { length: 255 }),
    /** Our side: the user who sent it, or the record's owner for a received message. */
    user: link("user"),
    team: link("team"),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("communications_message_id_uq").on(t.messageId),
    index("communications_reference_idx").on(t.referenceDoctype, t.referenceDocname, t.creation),
    index("communications_team_modified_idx").on(t.team, t.modified),
    index("communications_user_idx").on(t.user),
  ],
);

/** `Email Template`: named by its title; `subject` and `response` hold merge fields (`{{lead.first_name}}`). */
export const emailTemplates = mysqlTable("email_templates", {
  name: nameKey(),
  subject: varchar("subject", { length: 500 }).notNull(),
  response: text("response").notNull(),
  /** The record type it is written for (CRM Lead, CRM Deal), or none: any. */
  referenceDoctype: varchar("reference_doctype", { length: 140 }),
  enabled: boolean("enabled").notNull().default(true),
  ...timestamps(),
});
