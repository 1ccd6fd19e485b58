import { randomUUID } from "node:crypto";
import { nextTimestamp, type ScopedDb } from "@orchestrator/db";
import { emailMessages, emailQueue } from "@orchestrator/db/schema";
import { emailDomain, env } from "./env";
import { addressOf, newMessageId } from "./headers";
import { kickEmailSend } from "./producer";

export interface QueueEmailInput {
  recipients: readonly string[];
  subject: string;
  /** Plain-text body. */
  message: string;
  /** Default EMAIL_FROM. */
  sender?: string | undefined;
  inReplyTo?: string | null | undefined;
  references?: readonly string[] | undefined;
  /** The document the message is about (its thread), its department (the row's scope) and thread entry. */
  reference: { doctype: string; name: string; department?: string | null | undefined; comment?: string | null | undefined };
  /** Extra headers sent with it (e.g. `Auto-Submitted: auto-replied` on an acknowledgement). */
  headers?: Readonly<Record<string, string>> | undefined;
  /** Not before this instant (the sweep sends it once due). */
  sendAfter?: Date | undefined;
}

export interface QueuedEmail {
  name: string;
  messageId: string;
}

const stamp = (iso: Date) => iso.toISOString().replace("T", " ").replace("Z", "");

/**
 * Queues one e-mail in the caller's transaction: an `email_queue` row (status Not Sent) with its fixed
 * Message-ID, and the `email_messages` row that threads replies to it onto `reference`. Both commit or
 * roll back with the change that sends the mail. Then the `email-send` job is added (payload: the
 * row's name). It may run before the caller commits: its claim is a locking UPDATE of this row, which
 * waits for the commit (and finds nothing after a rollback), and the every-minute sweep re-adds any
 * row whose job was lost, so nothing is sent that was not committed and nothing committed is lost.
 */
export async function queueEmail(scoped: ScopedDb, input: QueueEmailInput): Promise<QueuedEmail> {
  const recipients = [...new Set(input.recipients.map(addressOf).filter(Boolean))];
  if (!recipients.length) throw new Error("queueEmail: no recipients");
  const exec = scoped.bookkeepingExecutor();
  const name = randomUUID();
  const messageId = newMessageId(emailDomain());
  const now = nextTimestamp();
  const actor = scoped.principal.user;
  await exec.insert(emailQueue).values({
    name,
    sender: input.sender ?? env.EMAIL_FROM,
    recipients: recipients.join(", "),
    subject: input.subject.slice(0, 500),
    message: input.message,
    messageId,
    inReplyTo: input.inReplyTo ?? null,
    references: input.references?.length ? input.references.join(" ") : null,
    referenceDoctype: input.reference.doctype,
    referenceName: input.reference.name,
    department: input.reference.department ?? null,
    status: "Not Sent",
    sendAfter: input.sendAfter ? stamp(input.sendAfter) : null,
    creation: now,
    modified: now,
    owner: actor,
    modifiedBy: actor,
  });
  await exec.insert(emailMessages).values({
    messageId,
    direction: "outbound",
    referenceDoctype: input.reference.doctype,
    referenceName: input.reference.name,
    commentName: input.reference.comment ?? null,
    creation: now,
    headers: { queue: name, ...(input.headers ? { extra: input.headers } : {}) },
  });
  if (!input.sendAfter || input.sendAfter.getTime() <= Date.now()) kickEmailSend(name);
  return { name, messageId };
}
