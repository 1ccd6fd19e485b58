import { AppError, AppErrorCode, createScopedDb, nextTimestamp, type Doc, type Principal, type RequestMeta, type ScopedDb } from "@orchestrator/db";
import { emailMessages } from "@orchestrator/db/schema";
import { eq } from "drizzle-orm";
import { addressOf } from "../../email/headers";
import { registry } from "../../registry";
import { withInboundMessage } from "../automation/inbound-message";
import { env } from "./env";
import { htmlToText, stripQuotedReply, type InboundEmail } from "./payload";
import { resolveSender, type Sender } from "./sender";
import { answeredIds, threadTicket } from "./threading";

const TICKET = "HD Ticket";

export interface InboundResult {
  ticket: string;
  /** The thread entry the e-mail became (a reply), or null when it opened the ticket. */
  comment: string | null;
  /** created: a new ticket; replied: a reply on an existing one; duplicate: this message_id was received before. */
  action: "created" | "replied" | "duplicate";
}

function isDuplicateKey(error: unknown): boolean {
  if (error instanceof AppError) return error.code === AppErrorCode.Duplicate;
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) if ((e as { errno?: number }).errno === 1062) return true;
  return false;
}

/** A message received before: the same answer again (redelivery is normal for webhooks). */
async function received(scoped: ScopedDb, messageId: string): Promise<InboundResult | null> {
  const [row] = await scoped.bookkeepingExecutor().select().from(emailMessages).where(eq(emailMessages.messageId, messageId)).limit(1);
  if (!row) return null;
  // One of our own messages coming back (a forwarding loop): never threaded as the customer's.
  if (row.direction === "outbound") throw new AppError(AppErrorCode.Duplicate, "message_id is a message this helpdesk sent");
  return { ticket: row.referenceName, comment: row.commentName ?? null, action: "duplicate" };
}

/**
 * Whether the sender may add to a ticket: a ticket of a customer takes replies from that customer's
 * contacts only; a ticket of no customer from the person who raised it. Anyone else gets a new ticket,
 * so a message never lands in another customer's thread, whatever ids it quotes.
 */
function belongsTo(ticket: Doc, sender: Sender): boolean {
  if (ticket.customer) return sender.customer === ticket.customer;
  return ticket.contact === sender.contact || (typeof ticket.raised_by === "string" && addressOf(ticket.raised_by) === sender.email);
}

/** The ticket the e-mail answers, if the sender may add to it (a merged ticket's reply goes to the one it was merged into). */
async function threadedTicket(tx: ScopedDb, email: InboundEmail, sender: Sender): Promise<Doc | null> {
  let name = await threadTicket(tx.bookkeepingExecutor(), answeredIds(email.in_reply_to, email.references));
  for (let hops = 0; name && hops < 3; hops++) {
    const ticket = await tx.get(TICKET, name, { forUpdate: true }).catch((error: unknown) => {
      if (error instanceof AppError && error.code === AppErrorCode.NotFound) return null;
      throw error;
    });
    if (!ticket) return null;
    if (typeof ticket.merged_into === "string" && ticket.merged_into) {
      name = ticket.merged_into;
      continue;
    }
    return belongsTo(ticket, sender) ? ticket : null;
  }
  return null;
}

/** `receivedAt`: taken before the ticket's writes, so the thread lists the e-mail before the acknowledgement that answers it. */
async function recordMessage(tx: ScopedDb, email: InboundEmail, ticket: string, comment: string | null, receivedAt: string): Promise<void> {
  await tx.bookkeepingExecutor().insert(emailMessages).values({
    messageId: email.message_id,
    direction: "inbound",
    referenceDoctype: TICKET,
    referenceName: ticket,
    commentName: comment,
    creation: receivedAt,
    headers: { from: email.from.email, to: email.to, cc: email.cc ?? [], in_reply_to: email.in_reply_to ?? null, references: email.references ?? [], date: email.date ?? null },
  });
}

async function receiveIn(tx: ScopedDb, email: InboundEmail): Promise<InboundResult> {
  const receivedAt = nextTimestamp();
  const sender = await resolveSender(tx, email.from);
  const body = email.text.trim() ? email.text : htmlToText(email.html ?? "");
  const ticket = await threadedTicket(tx, email, sender);
  if (ticket) {
    // A Reply from the customer's side (source Email): the comment's validate stamps the last customer
    // reply and reopens a resolved ticket, in this transaction.
    const content = stripQuotedReply(body) || "(no text)";
    const comment = await tx.insert("HD Ticket Comment", { ticket: ticket.name, department: ticket.department, comment_type: "Reply", content, ...(ticket.customer ? { customer: ticket.customer } : {}) }, { serverValues: { source: "Email" } });
    await tx.insert("HD Ticket Activity", { ticket: ticket.name, department: ticket.department, kind: "email", action: "Reply received by e-mail", data: { message_id: email.message_id, comment: comment.name } });
    await recordMessage(tx, email, ticket.name, comment.name, receivedAt);
    return { ticket: ticket.name, comment: comment.name, action: "replied" };
  }
  const department = sender.customer ? String((await tx.get("HD Customer", sender.customer)).department) : env.HELPDESK_INBOUND_DEPARTMENT;
  if (!department) throw new AppError(AppErrorCode.Internal, "Inbound e-mail needs HELPDESK_INBOUND_DEPARTMENT: the department of tickets from senders of no known customer");
  const subject = (email.subject.replace(/\s+/g, " ").trim() || "(no subject)").slice(0, 255);
  // The ticket's validate queues the acknowledgement; in this context it answers the e-mail.
  const created = await withInboundMessage({ messageId: email.message_id, references: email.references ?? [] }, () =>
    tx.insert(TICKET, { subject, description: body || "(no text)", raised_by: sender.email, contact: sender.contact, department, ...(sender.customer ? { customer: sender.customer } : {}) }),
  );
  await tx.insert("HD Ticket Activity", { ticket: created.name, department, kind: "email", action: "Ticket created from an e-mail", data: { message_id: email.message_id, new_contact: sender.created } });
  await recordMessage(tx, email, created.name, null, receivedAt);
  return { ticket: created.name, comment: null, action: "created" };
}

/**
 * One received e-mail, as `principal` (the integration user), in one transaction: find or create the
 * sender's Contact, then thread it — a reply on the ticket its In-Reply-To / References name when the
 * sender may add to it, else a new ticket (with an acknowledgement). Every document write is audited
 * with it. The message's id is the `email_messages` primary key: the same message twice gives the same
 * answer once (a concurrent redelivery loses the race on that key, rolls back and reads the winner's).
 */
export async function receiveInboundEmail(principal: Principal, email: InboundEmail, meta: RequestMeta): Promise<InboundResult> {
  const scoped = createScopedDb(principal, meta, registry);
  for (let attempt = 1; ; attempt++) {
    const before = await received(scoped, email.message_id);
    if (before) return before;
    try {
      return await scoped.transaction((tx) => receiveIn(tx, email));
    } catch (error) {
      // Lost a race: the same message (its id) or the same new sender (the address's unique key). Once more.
      if (!isDuplicateKey(error) || attempt >= 2) throw error;
    }
  }
}
