import * as s from "@orchestrator/db/schema";
import { emailQueueStatuses } from "@orchestrator/db/schema";
import { grantFor, type DocTypeDef } from "@orchestrator/db";
import { sql } from "drizzle-orm";
import { standardOf } from "../registry/standard";

const q = s.emailQueue;

/**
 * `Email Queue` (Frappe's name): the outbox, read-only over the API — rows are written by `queueEmail`
 * in the transaction of the change that sends them and updated by the delivery worker. Messages can
 * carry PHI (a ticket's thread), so only readers whose `admin` grant covers every department see it
 * (Super Admin), and each read of a message is access-logged.
 */
export const emailQueueDocType: DocTypeDef = {
  name: "Email Queue",
  table: q,
  standard: standardOf(q),
  category: "admin",
  scope: { kind: "custom", predicate: (principal) => (principal.system || (grantFor(principal, "admin").access !== "none" && grantFor(principal, "admin").scope === "all") ? undefined : sql`1 = 0`) },
  naming: { kind: "random" },
  readOnly: true,
  phi: true,
  titleField: "subject",
  searchFields: ["subject", "recipients", "reference_name"],
  fields: {
    sender: { column: q.sender, type: "data", label: "Sender", readOnly: true },
    recipients: { column: q.recipients, type: "text", label: "Recipients", readOnly: true },
    subject: { column: q.subject, type: "data", label: "Subject", readOnly: true, maxLength: 500 },
    message: { column: q.message, type: "text", label: "Message", readOnly: true },
    message_id: { column: q.messageId, type: "data", label: "Message-ID", readOnly: true },
    in_reply_to: { column: q.inReplyTo, type: "data", label: "In-Reply-To", readOnly: true },
    references: { column: q.references, type: "text", label: "References", readOnly: true },
    reference_doctype: { column: q.referenceDoctype, type: "data", label: "Reference DocType", readOnly: true },
    reference_name: { column: q.referenceName, type: "data", label: "Reference", readOnly: true },
    department: { column: q.department, type: "link", linkTo: "Department", label: "Department", readOnly: true },
    status: { column: q.status, type: "select", options: emailQueueStatuses, label: "Status", readOnly: true },
    attempts: { column: q.attempts, type: "int", label: "Attempts", readOnly: true },
    error: { column: q.error, type: "text", label: "Error", readOnly: true },
    send_after: { column: q.sendAfter, type: "datetime", label: "Send after", readOnly: true },
    sent_at: { column: q.sentAt, type: "datetime", label: "Sent at", readOnly: true },
  },
};
