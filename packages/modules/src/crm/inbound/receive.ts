import { AppError, AppErrorCode, createScopedDb, isAppError, nextTimestamp, type Doc, type Principal, type RequestMeta, type ScopedDb } from "@orchestrator/db";
import { emailMessages } from "@orchestrator/db/schema";
import { eq } from "drizzle-orm";
import { htmlToText, stripQuotedReply, type InboundEmail } from "../../helpdesk/inbound/payload";
import { splitName } from "../../helpdesk/inbound/sender";
import { registry } from "../../registry";
import { str } from "../hooks/person-fields";
import { env } from "./env";
import { matchSender, type RecordRef } from "./match";
import type { InboundRoute } from "./route";

/**
 * The webhook's answer for mail the CRM took. `ticket`/`comment` are null (the helpdesk's fields) and
 * `action` keeps the helpdesk's meaning (created: a new record; replied: added to an existing one;
 * duplicate: received before); `crm` says where it went: threaded (a reply to our e-mail), attached
 * (the sender's lead or deal), lead_created, or duplicate.
 */
export interface CrmInboundResult {
  ticket: null;
  comment: null;
  action: "created" | "replied" | "duplicate";
  crm: { doctype: RecordRef["doctype"]; name: string; communication: string | null; action: "threaded" | "attached" | "lead_created" | "duplicate" };
}

function isDuplicateKey(error: unknown): boolean {
  if (isAppError(error)) return error.code === AppErrorCode.Duplicate;
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) if ((e as { errno?: number }).errno === 1062) return true;
  return false;
}

/** A message received before: the same answer again. One of our own coming back is refused, as the helpdesk does. */
async function received(scoped: ScopedDb, messageId: string): Promise<CrmInboundResult | null> {
  const [row] = await scoped.bookkeepingExecutor().select().from(emailMessages).where(eq(emailMessages.messageId, messageId)).limit(1);
  if (!row) return null;
  if (row.direction === "outbound") throw new AppError(AppErrorCode.Duplicate, "message_id is a message this system sent");
  return { ticket: null, comment: null, action: "duplicate", crm: { doctype: row.referenceDoctype as RecordRef["doctype"], name: row.referenceName, communication: row.commentName ?? null, action: "duplicate" } };
}

async function existing(tx: ScopedDb, ref: RecordRef | null): Promise<Doc | null> {
  if (!ref) return null;
  return tx.get(ref.doctype, ref.name, { forUpdate: true }).catch((error: unknown) => {
    if (isAppError(error) && error.code === AppErrorCode.NotFound) return null;
    throw error;
  });
}

async function newLead(tx: ScopedDb, email: InboundEmail): Promise<Doc> {
  const team = env.CRM_INBOUND_TEAM;
  if (!team) throw new AppError(AppErrorCode.Internal, "Inbound e-mail to the CRM needs CRM_INBOUND_TEAM: the team new leads from e-mail join");
  // No owner: the lead's validate runs the team's assignment rule.
  return tx.insert("CRM Lead", { ...splitName(email.from.name, email.from.email), email: email.from.email, source: "Email", status: "New", team });
}

async function receiveIn(tx: ScopedDb, email: InboundEmail, route: InboundRoute & { to: "crm" }): Promise<CrmInboundResult> {
  const receivedAt = nextTimestamp();
  let how: CrmInboundResult["crm"]["action"] = "threaded";
  let doctype: RecordRef["doctype"] = route.thread?.doctype ?? "CRM Lead";
  let record = await existing(tx, route.thread);
  if (!record) {
    const match = await matchSender(tx, email.from.email);
    record = await existing(tx, match);
    how = "attached";
    if (match) doctype = match.doctype;
  }
  if (!record) {
    record = await newLead(tx, email);
    how = "lead_created";
    doctype = "CRM Lead";
  }
  const text = email.text.trim() ? email.text : htmlToText(email.html ?? "");
  const communication = await tx.insert("Communication", {}, {
    serverValues: {
      communication_medium: "Email",
      sent_or_received: "Received",
      subject: (email.subject.replace(/\s+/g, " ").trim() || "(no subject)").slice(0, 500),
      // A reply's quoted thread is already on the timeline.
      content: (how === "threaded" ? stripQuotedReply(text) : text.trim()) || "(no text)",
      sender: email.from.email,
      sender_full_name: email.from.name?.slice(0, 140) ?? null,
      recipients: [...email.to, ...(email.cc ?? [])].join(", "),
      reference_doctype: doctype,
      reference_docname: record.name,
      message_id: email.message_id,
      in_reply_to: email.in_reply_to ?? null,
      user: str(doctype === "CRM Lead" ? record.lead_owner : record.deal_owner),
      team: str(record.team),
    },
  });
  await tx.bookkeepingExecutor().insert(emailMessages).values({
    messageId: email.message_id,
    direction: "inbound",
    referenceDoctype: doctype,
    referenceName: record.name,
    commentName: communication.name,
    creation: receivedAt,
    headers: { from: email.from.email, to: email.to, cc: email.cc ?? [], in_reply_to: email.in_reply_to ?? null, references: email.references ?? [], date: email.date ?? null },
  });
  return { ticket: null, comment: null, action: how === "lead_created" ? "created" : "replied", crm: { doctype, name: record.name, communication: communication.name, action: how } };
}

/**
 * One received e-mail the router gave the CRM, as `principal` (the integration user), in one
 * transaction: the record it belongs to — the one its thread names, else the sender's (`matchSender`),
 * else a new lead in CRM_INBOUND_TEAM (source Email, assigned by the team's rule) — and a
 * `Communication` (Received) on it, each write audited. Idempotent by Message-ID (`email_messages`'
 * primary key, and the Communication's unique `message_id`): a redelivery answers the same, once.
 */
export async function receiveCrmEmail(principal: Principal, email: InboundEmail, route: InboundRoute & { to: "crm" }, meta: RequestMeta): Promise<CrmInboundResult> {
  const scoped = createScopedDb(principal, meta, registry);
  for (let attempt = 1; ; attempt++) {
    const before = await received(scoped, email.message_id);
    if (before) return before;
    try {
      return await scoped.transaction((tx) => receiveIn(tx, email, route));
    } catch (error) {
      // Lost a race with a redelivery of the same message: read the winner's answer.
      if (!isDuplicateKey(error) || attempt >= 2) throw error;
    }
  }
}
