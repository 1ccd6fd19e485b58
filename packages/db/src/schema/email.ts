import { datetime, index, int, json, mysqlEnum, mysqlTable, text, varchar } from "drizzle-orm/mysql-core";
import { link, nameKey, timestamps } from "./columns";

/**
 * E-mail (issue 5): the outbox every module sends through (Frappe's `Email Queue`) and the index of
 * Message-IDs, sent and received, that threads replies onto the document they belong to.
 * The outbox row holds the message (it is the record of what was sent); job payloads carry its name only.
 */

const at = (name: string) => datetime(name, { mode: "string", fsp: 6 });

export const emailQueueStatuses = ["Not Sent", "Sending", "Sent", "Error"] as const;
export const emailDirections = ["outbound", "inbound"] as const;

/** `Email Queue`: one outgoing message. Written in the transaction of the change that sends it; a worker delivers it. */
export const emailQueue = mysqlTable(
  "email_queue",
  {
    name: nameKey(),
    sender: varchar("sender", { length: 255 }).notNull(),
    /** Addresses, comma-separated, as Frappe stores them. */
    recipients: text("recipients").notNull(),
    subject: varchar("subject", { length: 500 }).notNull(),
    message: text("message").notNull(),
    /** Our Message-ID (`<…@host>`), fixed when queued so a retried send is the same message. */
    messageId: varchar("message_id", { length: 255 }).notNull().unique(),
    inReplyTo: varchar("in_reply_to", { length: 255 }),
    references: text("references"),
    referenceDoctype: varchar("reference_doctype", { length: 140 }),
    referenceName: link("reference_name"),
    /** The department of the document it is about (its scope). */
    department: link("department"),
    status: mysqlEnum("status", emailQueueStatuses).notNull().default("Not Sent"),
    attempts: int("attempts").notNull().default(0),
    error: text("error"),
    sendAfter: at("send_after"),
    sentAt: at("sent_at"),
    ...timestamps(),
  },
  (t) => [index("email_queue_status_idx").on(t.status, t.sendAfter), index("email_queue_reference_idx").on(t.referenceDoctype, t.referenceName)],
);

/**
 * Every Message-ID we sent or received, with the document (and thread entry) it belongs to: an
 * inbound reply's In-Reply-To / References are looked up here. Received ids are unique, so a
 * redelivered e-mail is recognised and not threaded twice.
 */
export const emailMessages = mysqlTable(
  "email_messages",
  {
    messageId: varchar("message_id", { length: 255 }).primaryKey(),
    direction: mysqlEnum("direction", emailDirections).notNull(),
    referenceDoctype: varchar("reference_doctype", { length: 140 }).notNull(),
    referenceName: link("reference_name").notNull(),
    /** The thread entry it became (an `HD Ticket Comment`), if any. */
    commentName: link("comment_name"),
    creation: at("creation").notNull(),
    headers: json("headers"),
  },
  (t) => [index("email_messages_reference_idx").on(t.referenceDoctype, t.referenceName)],
);
