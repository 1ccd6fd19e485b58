import type { ScopedDb } from "@orchestrator/db";
import { env as emailEnv, fromAddress } from "../../email/env";
import { addressOf, isRobotAddress, referencesFor, threadSubject } from "../../email/headers";
import { queueEmail } from "../../email/outbox";
import { threadMessageIds } from "../../email/thread";
import { env } from "./env";
import { inboundMessage } from "./inbound-message";

const TICKET = "HD Ticket";
type Row = Readonly<Record<string, unknown>>;
const str = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v.trim() : null);

/** Whether a ticket's `raised_by` gets mail from us: an address, not our own inbox, not a robot (loops). */
function mailable(raisedBy: unknown): string | null {
  const address = str(raisedBy);
  if (!address || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(addressOf(address))) return null;
  if (addressOf(address) === fromAddress(emailEnv.EMAIL_FROM) || isRobotAddress(address)) return null;
  return addressOf(address);
}

/**
 * The acknowledgement of a new ticket (HELPDESK_ACK_EMAIL), queued in the ticket's transaction by its
 * validate. Created from an e-mail, it answers that message. `Auto-Submitted: auto-replied` (RFC 3834)
 * keeps well-behaved auto-responders from answering it.
 */
export async function queueAcknowledgement(scoped: ScopedDb, ticket: string, doc: Row): Promise<void> {
  const to = env.HELPDESK_ACK_EMAIL ? mailable(doc.raised_by) : null;
  if (!to) return;
  const inbound = inboundMessage();
  const subject = String(doc.subject ?? "");
  await queueEmail(scoped, {
    recipients: [to],
    subject: threadSubject(ticket, subject),
    message: [
      "Hello,",
      "",
      `We have received your request and opened ticket ${ticket}: "${subject}".`,
      "Our team will get back to you. To add anything, reply to this e-mail and keep the ticket number in the subject.",
      "",
      "— The helpdesk",
    ].join("\n"),
    inReplyTo: inbound?.messageId ?? null,
    references: inbound ? referencesFor([...inbound.references, inbound.messageId]) : [],
    reference: { doctype: TICKET, name: ticket, department: str(doc.department) },
    headers: { "Auto-Submitted": "auto-replied" },
  });
}

/**
 * An agent's reply, e-mailed to the ticket's `raised_by` in the comment's transaction: it answers the
 * thread's last message (In-Reply-To) and lists the thread (References), so the customer's client
 * threads it and their answer comes back to this ticket.
 */
export async function queueAgentReply(scoped: ScopedDb, ticket: Row & { name: string }, comment: { name: string; content: string }): Promise<void> {
  const to = mailable(ticket.raised_by);
  if (!to) return;
  const thread = await threadMessageIds(scoped.bookkeepingExecutor(), TICKET, ticket.name);
  await queueEmail(scoped, {
    recipients: [to],
    subject: threadSubject(ticket.name, String(ticket.subject ?? "")),
    message: comment.content,
    inReplyTo: thread.at(-1) ?? null,
    references: referencesFor(thread),
    reference: { doctype: TICKET, name: ticket.name, department: str(ticket.department), comment: comment.name },
  });
}
