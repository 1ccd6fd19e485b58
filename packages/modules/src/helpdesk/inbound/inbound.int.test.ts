/**
 * Helpdesk e-mail end to end over real HTTP, MariaDB, Redis, BullMQ and the SMTP simulator: the signed
 * inbound webhook, contacts for unknown senders, threading by In-Reply-To, the customer's reply
 * reopening a resolved ticket, idempotent redelivery, the other-customer rule, refusals that write
 * nothing, agent replies and acknowledgements delivered as threaded mail, and @mentions.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const SECRET = vi.hoisted(() => {
  const secret = "inbound-secret-for-tests-0123456789";
  process.env.HELPDESK_INBOUND_EMAIL_SECRET = secret;
  process.env.HELPDESK_INBOUND_DEPARTMENT = "Medical";
  process.env.EMAIL_FROM = "Helpdesk <help@orchestrator.test>";
  process.env.EMAIL_DOMAIN = "orchestrator.test";
  return secret;
});

import { startSmtpSimulator, type SmtpSimulator, type ReceivedMessage } from "@orchestrator/smtp-simulator";
import { closeRedis, loadPrincipal } from "@orchestrator/auth";
import { AppError, createScopedDb, type Principal, type ScopedDb } from "@orchestrator/db";
import { closeDatabase, createUser, schema, unsafeSystemDb } from "@orchestrator/db/system";
import { eventually, seedDemo } from "@orchestrator/db/testing";
import { Worker } from "bullmq";
import { and, count, eq } from "drizzle-orm";
import type { Redis } from "ioredis";
import { createEmailProcessor } from "../../email/jobs";
import { settleEmailKicks } from "../../email/producer";
import { closeTransports } from "../../email/transport";
import { closeQueues, createRedisConnection, getQueue } from "../../queue";
import { registry } from "../../registry";
import { webhookSignature } from "../../sync/webhook-receiver";
import { demoPrincipals } from "../../testing/principals";
import { startApiServer } from "../../testing/server";
import { addComment, changeStatus } from "../tickets/service";

const BOT = "integration@demo.orchestrator.test";
const AGENT = "agent-program@test.local";
const agent: Principal = { user: AGENT, fullName: "Program Agent", roles: ["Helpdesk Agent"], departments: ["Program"], grants: { helpdesk: { access: "write", scope: "own_dept" } } };
const scope = (p: Principal): ScopedDb => createScopedDb(p, { requestId: "inbound-test" }, registry);
const db = () => unsafeSystemDb();

let api: { url: string; close: () => Promise<void> };
let sim: SmtpSimulator;
let connection: Redis;
let worker: Worker;
let acmeTicket = "";
let agentMail: ReceivedMessage;

interface Reply { status: number; body: { message?: { ticket: string; comment: string | null; action: string }; exc_type?: string; fields?: { field: string; message: string }[] } }
async function post(payload: unknown, options: { signature?: string; raw?: string } = {}): Promise<Reply> {
  const raw = options.raw ?? JSON.stringify(payload);
  const res = await fetch(`${api.url}/api/method/orchestrator.helpdesk.receive_email`, { method: "POST", headers: { "content-type": "application/json", "x-signature": options.signature ?? webhookSignature(raw, SECRET) }, body: raw });
  return { status: res.status, body: (await res.json()) as Reply["body"] };
}
const email = (over: Record<string, unknown>) => ({ to: ["help@orchestrator.test"], subject: "Printer on fire", text: "It is on fire.", ...over });

const n = async (table: typeof schema.hdTickets | typeof schema.contacts | typeof schema.emailMessages | typeof schema.versions | typeof schema.hdTicketComments | typeof schema.emailQueue) => Number((await db().select({ n: count() }).from(table))[0]!.n);
const counts = async () => ({ tickets: await n(schema.hdTickets), contacts: await n(schema.contacts), messages: await n(schema.emailMessages), versions: await n(schema.versions), comments: await n(schema.hdTicketComments), outbox: await n(schema.emailQueue) });
const ticketRow = async (name: string) => (await db().select().from(schema.hdTickets).where(eq(schema.hdTickets.name, name)))[0]!;
const commentsOf = (ticket: string) => db().select().from(schema.hdTicketComments).where(eq(schema.hdTicketComments.ticket, ticket)).orderBy(schema.hdTicketComments.creation);
const mailTo = (address: string, count: number) => eventually(async () => {
  const got = sim.messages(address);
  if (got.length < count) throw new Error(`${got.length} message(s) to ${address}`);
  return got;
});

beforeAll(async () => {
  await seedDemo(db(), { passwordHash: "x", clientCount: 1 });
  await createUser(db(), { email: AGENT, fullName: "Program Agent", passwordHash: null, roles: ["Helpdesk Agent"], departments: ["Program"] });
  const admin = scope(demoPrincipals.admin());
  await admin.insert("HD Customer", { customer_name: "Acme", domain: "a.example", department: "Program" });
  await admin.insert("HD Customer", { customer_name: "Bolt", domain: "b.example", department: "Medical" });
  sim = await startSmtpSimulator();
  connection = createRedisConnection("worker");
  await getQueue("email").obliterate({ force: true });
  worker = new Worker("email", createEmailProcessor({ loadPrincipal, smtp: { host: sim.host, port: sim.smtpPort, secure: false } }), { connection, concurrency: 2 });
  await worker.waitUntilReady();
  api = await startApiServer();
});
afterAll(async () => {
  await api.close();
  await settleEmailKicks();
  await worker.close();
  await connection.quit();
  await closeQueues();
  closeTransports();
  await sim.close();
  await closeRedis();
  await closeDatabase();
});

describe("orchestrator.helpdesk.receive_email", () => {
  it("an unknown sender gets a new contact and a ticket in HELPDESK_INBOUND_DEPARTMENT, audited as the integration user, and an acknowledgement answering the e-mail", async () => {
    const res = await post(email({ message_id: "<m1@gmail.test>", from: { email: "Zoe.Quinn@gmail.test", name: "Zoe Quinn" }, subject: "Cannot log in", text: "Help" }));
    expect(res.status).toBe(200);
    expect(res.body.message).toMatchObject({ comment: null, action: "created" });
    const ticket = await ticketRow(res.body.message!.ticket);
    expect(ticket).toMatchObject({ subject: "Cannot log in", description: "Help", raisedBy: "zoe.quinn@gmail.test", customer: null, department: "Medical", owner: BOT });
    const [contact] = await db().select().from(schema.contacts).where(eq(schema.contacts.name, ticket.contact!));
    expect(contact).toMatchObject({ firstName: "Zoe", lastName: "Quinn", emailId: "zoe.quinn@gmail.test", customer: null, owner: BOT });
    const audited = await db().select({ doctype: schema.versions.refDoctype, owner: schema.versions.owner }).from(schema.versions).where(eq(schema.versions.owner, BOT));
    expect(audited.map((v) => v.doctype)).toEqual(expect.arrayContaining(["Contact", "HD Ticket", "HD Ticket Activity"]));

    const [ack] = await mailTo("zoe.quinn@gmail.test", 1);
    expect(ack).toMatchObject({ inReplyTo: "<m1@gmail.test>", references: ["<m1@gmail.test>"], subject: `Re: [${ticket.name}] Cannot log in`, from: ["help@orchestrator.test"] });
    expect(ack!.headers["auto-submitted"]).toBe("auto-replied");
  });

  it("a sender from a customer's domain becomes that customer's contact; the ticket goes to the customer's department", async () => {
    const res = await post(email({ message_id: "<m2@a.example>", from: { email: "ana@a.example", name: "Ana" } }));
    acmeTicket = res.body.message!.ticket;
    expect(await ticketRow(acmeTicket)).toMatchObject({ customer: "Acme", department: "Program", raisedBy: "ana@a.example" });
    await mailTo("ana@a.example", 1);
  });

  it("an agent's reply is e-mailed in the thread; the customer's answer threads back by In-Reply-To and reopens the resolved ticket", async () => {
    const staff = scope(agent);
    await addComment(staff, { ticket: acmeTicket, type: "Reply", content: "Have you tried turning it off?" });
    const [ack, reply] = await mailTo("ana@a.example", 2);
    expect(reply).toMatchObject({ subject: `Re: [${acmeTicket}] Printer on fire`, inReplyTo: ack!.messageId, references: ["<m2@a.example>", ack!.messageId] });
    expect(reply!.text.trim()).toBe("Have you tried turning it off?");
    agentMail = reply!;
    await changeStatus(staff, acmeTicket, "Resolved");
    expect((await ticketRow(acmeTicket)).status).toBe("Resolved");

    const res = await post(email({ message_id: "<m3@a.example>", in_reply_to: agentMail.messageId, references: agentMail.references.concat(agentMail.messageId!), from: { email: "ANA@a.example" }, subject: `Re: [${acmeTicket}] Printer on fire`, text: "Still burning.\n\nOn Tue, Helpdesk wrote:\n> Have you tried turning it off?\n" }));
    expect(res.status).toBe(200);
    expect(res.body.message).toMatchObject({ ticket: acmeTicket, action: "replied" });
    const thread = await commentsOf(acmeTicket);
    expect(thread.map((c) => [c.source, c.content])).toEqual([["Agent", "Have you tried turning it off?"], ["Email", "Still burning."]]);
    expect(thread[1]!.name).toBe(res.body.message!.comment);
    const reopened = await ticketRow(acmeTicket);
    expect(reopened.status).toBe("Open");
    expect(reopened.lastCustomerReplyOn).not.toBeNull();
    await settleEmailKicks();
    expect(sim.messages("ana@a.example")).toHaveLength(2); // the customer's own reply is not mailed back
  });

  it("the same message delivered again changes nothing and answers the same ticket and comment", async () => {
    const before = await counts();
    const again = await post(email({ message_id: "m3@a.example", in_reply_to: agentMail.messageId, from: { email: "ana@a.example" }, text: "Still burning." }));
    expect(again.status).toBe(200);
    const [first] = (await commentsOf(acmeTicket)).filter((c) => c.source === "Email");
    expect(again.body.message).toEqual({ ticket: acmeTicket, comment: first!.name, action: "duplicate" });
    expect(await counts()).toEqual(before);
  });

  it("a sender of another customer quoting customer A's thread gets a new ticket of their own; A's thread is unchanged", async () => {
    const before = await commentsOf(acmeTicket);
    const res = await post(email({ message_id: "<m4@b.example>", in_reply_to: agentMail.messageId, references: [agentMail.messageId], from: { email: "bo@b.example", name: "Bo" }, subject: "Re: Printer on fire" }));
    expect(res.body.message).toMatchObject({ action: "created", comment: null });
    expect(res.body.message!.ticket).not.toBe(acmeTicket);
    expect(await ticketRow(res.body.message!.ticket)).toMatchObject({ customer: "Bolt", department: "Medical", raisedBy: "bo@b.example" });
    // And a sender of no customer quoting it: a new ticket as well.
    const stranger = await post(email({ message_id: "<m5@else.test>", in_reply_to: agentMail.messageId, from: { email: "eve@else.test" } }));
    expect(stranger.body.message).toMatchObject({ action: "created" });
    expect(stranger.body.message!.ticket).not.toBe(acmeTicket);
    expect(await commentsOf(acmeTicket)).toEqual(before);
  });

  it("a bad payload is refused field by field and a bad signature with 401; neither writes anything", async () => {
    const before = await counts();
    const bad = await post({ message_id: "not an id", from: { email: "nope" }, to: [], subject: "x" });
    expect(bad.status).toBe(417);
    expect(bad.body.exc_type).toBe("ValidationError");
    expect(bad.body.fields?.map((f) => f.field).sort()).toEqual(["from.email", "message_id", "to"]);
    const payload = JSON.stringify(email({ message_id: "<m6@a.example>", from: { email: "ana@a.example" } }));
    expect((await post(null, { raw: payload, signature: webhookSignature(payload, "some-other-secret-0123456789") })).status).toBe(401);
    expect((await post(null, { raw: payload, signature: "" })).status).toBe(401);
    expect((await post(null, { raw: "{not json", signature: webhookSignature("{not json", SECRET) })).status).toBe(417);
    await settleEmailKicks();
    expect(await counts()).toEqual(before);
  });
});

describe("@mentions in internal notes", () => {
  it("notify each mentioned user in the note's transaction; an unknown mention refuses the note under content and writes nothing", async () => {
    const staff = scope(agent);
    const note = await addComment(staff, { ticket: acmeTicket, type: "Internal Note", content: "@admin@demo.orchestrator.test can you approve? cc @supervisor@demo.orchestrator.test" });
    expect(note.mentions).toEqual(["admin@demo.orchestrator.test", "supervisor@demo.orchestrator.test"]);
    const notes = await db().select().from(schema.hdNotifications).where(and(eq(schema.hdNotifications.ticket, acmeTicket), eq(schema.hdNotifications.kind, "mention")));
    expect(notes.map((x) => [x.forUser, x.department, x.owner]).sort()).toEqual([["admin@demo.orchestrator.test", "Program", AGENT], ["supervisor@demo.orchestrator.test", "Program", AGENT]]);
    expect(notes[0]!.subject).toContain(`${AGENT} mentioned you on ${acmeTicket}`);

    const before = await counts();
    const error = await addComment(staff, { ticket: acmeTicket, type: "Internal Note", content: "@nobody@demo.orchestrator.test and @admin@demo.orchestrator.test" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fieldErrors).toEqual([{ field: "content", message: "Unknown user mentioned: @nobody@demo.orchestrator.test" }]);
    expect(await counts()).toEqual(before);
    expect(await db().select().from(schema.hdNotifications).where(eq(schema.hdNotifications.kind, "mention"))).toHaveLength(2);
  });
});
