/**
 * E-mail into the CRM through the helpdesk's signed webhook, over real HTTP and MariaDB: a reply to a
 * CRM e-mail threads back to its lead; mail to a CRM address attaches to the sender's lead (or the
 * deal their lead became) or opens a new, assigned lead; the helpdesk's mail is untouched; a
 * redelivery answers the same and writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const SECRET = vi.hoisted(() => {
  const secret = "inbound-secret-for-crm-tests-0123456789";
  Object.assign(process.env, {
    HELPDESK_INBOUND_EMAIL_SECRET: secret,
    HELPDESK_INBOUND_DEPARTMENT: "Medical",
    EMAIL_FROM: "Orchestrator <hello@orchestrator.test>",
    EMAIL_DOMAIN: "orchestrator.test",
    CRM_INBOUND_ADDRESSES: "Sales@Orchestrator.test, leads@orchestrator.test",
    CRM_INBOUND_TEAM: "East Coast",
  });
  return secret;
});

import { closeRedis, loadPrincipal } from "@orchestrator/auth";
import { createScopedDb } from "@orchestrator/db";
import { closeDatabase, schema, unsafeSystemDb } from "@orchestrator/db/system";
import { seedDemo } from "@orchestrator/db/testing";
import { and, count, eq } from "drizzle-orm";
import { settleEmailKicks } from "../../email/producer";
import { closeQueues } from "../../queue";
import { registry } from "../../registry";
import { webhookSignature } from "../../sync/webhook-receiver";
import { startApiServer } from "../../testing/server";
import { sendEmail } from "../comms/send-email";
import { seedCrmDemo } from "../demo";

const SALES = "sales@demo.orchestrator.test"; // the East Coast team's one salesperson (its rule assigns them)
const BOT = "integration@demo.orchestrator.test";
const db = () => unsafeSystemDb();
let api: { url: string; close: () => Promise<void> };

interface Answer { ticket: string | null; comment: string | null; action: string; crm?: { doctype: string; name: string; communication: string | null; action: string } }
async function post(payload: Record<string, unknown>): Promise<{ status: number; message: Answer }> {
  const raw = JSON.stringify({ subject: "Hello", text: "Hi there", ...payload });
  const res = await fetch(`${api.url}/api/method/orchestrator.helpdesk.receive_email`, { method: "POST", headers: { "content-type": "application/json", "x-signature": webhookSignature(raw, SECRET) }, body: raw });
  return { status: res.status, message: ((await res.json()) as { message: Answer }).message };
}
const n = async (table: typeof schema.crmLeads | typeof schema.communications | typeof schema.emailMessages | typeof schema.versions | typeof schema.hdTickets) => Number((await db().select({ n: count() }).from(table))[0]!.n);
const counts = async () => ({ leads: await n(schema.crmLeads), communications: await n(schema.communications), messages: await n(schema.emailMessages), versions: await n(schema.versions), tickets: await n(schema.hdTickets) });
const communication = async (name: string) => (await db().select().from(schema.communications).where(eq(schema.communications.name, name)))[0]!;
const leadByEmail = async (email: string) => db().select().from(schema.crmLeads).where(eq(schema.crmLeads.email, email));

beforeAll(async () => {
  await seedDemo(db(), { passwordHash: "x", clientCount: 1 });
  await seedCrmDemo(db(), { passwordHash: "x" });
  api = await startApiServer();
});
afterAll(async () => {
  await api.close();
  await settleEmailKicks();
  await closeQueues();
  await closeRedis();
  await closeDatabase();
});

describe("CRM mail through orchestrator.helpdesk.receive_email", () => {
  it("a reply to an e-mail sent from a lead threads back to that lead as a received Communication, quoted text dropped, audited as the integration user", async () => {
    const [grace] = await leadByEmail("gkim@northshore.example");
    const sales = createScopedDb((await loadPrincipal(SALES))!, { requestId: "inbound-test" }, registry);
    const { communication: sent } = await sendEmail(sales, { doctype: "CRM Lead", name: grace!.name, subject: "Your tour", body: "Does Tuesday suit you?" });
    const res = await post({ message_id: "<r1@northshore.example>", in_reply_to: String(sent.message_id), references: [String(sent.message_id)], from: { email: "gkim@northshore.example", name: "Grace Kim" }, to: ["hello@orchestrator.test"], subject: "Re: Your tour", text: "Tuesday works.\n\nOn Mon, Sasha wrote:\n> Does Tuesday suit you?\n" });
    expect(res.status).toBe(200);
    expect(res.message).toMatchObject({ ticket: null, comment: null, action: "replied", crm: { doctype: "CRM Lead", name: grace!.name, action: "threaded" } });
    const got = await communication(res.message.crm!.communication!);
    expect(got).toMatchObject({ sentOrReceived: "Received", subject: "Re: Your tour", content: "Tuesday works.", sender: "gkim@northshore.example", senderFullName: "Grace Kim", referenceDoctype: "CRM Lead", referenceDocname: grace!.name, inReplyTo: sent.message_id, user: grace!.leadOwner, team: "East Coast", owner: BOT });
    const [indexed] = await db().select().from(schema.emailMessages).where(eq(schema.emailMessages.messageId, "<r1@northshore.example>"));
    expect(indexed).toMatchObject({ direction: "inbound", referenceDoctype: "CRM Lead", referenceName: grace!.name, commentName: got.name });
    expect(await n(schema.hdTickets)).toBe(0);
  });

  it("mail from an unknown sender to a CRM address opens a New lead (source Email) in CRM_INBOUND_TEAM, assigned by the team's rule", async () => {
    const res = await post({ message_id: "<new1@gmail.example>", from: { email: "Pat.Doe@gmail.example", name: "Pat Doe" }, to: ["sales@orchestrator.test"], subject: "Admission for my father", text: "Can we talk?" });
    expect(res.message).toMatchObject({ ticket: null, action: "created", crm: { doctype: "CRM Lead", action: "lead_created" } });
    const [lead] = await leadByEmail("pat.doe@gmail.example");
    expect(lead).toMatchObject({ name: res.message.crm!.name, firstName: "Pat", lastName: "Doe", source: "Email", status: "New", team: "East Coast", leadOwner: SALES, owner: BOT });
    expect(await communication(res.message.crm!.communication!)).toMatchObject({ sentOrReceived: "Received", content: "Can we talk?", user: SALES, team: "East Coast", referenceDocname: lead!.name });
    const audited = await db().select({ doctype: schema.versions.refDoctype }).from(schema.versions).where(and(eq(schema.versions.owner, BOT), eq(schema.versions.docname, lead!.name)));
    expect(audited.map((v) => v.doctype)).toEqual(["CRM Lead"]);
  });

  it("mail from a known sender attaches to their open lead, or to the deal their converted lead became (cc to a CRM address is enough)", async () => {
    const [grace] = await leadByEmail("gkim@northshore.example");
    const open = await post({ message_id: "<k1@northshore.example>", from: { email: "gkim@northshore.example" }, to: ["someone@else.example"], cc: ["leads@orchestrator.test"], text: "One more question" });
    expect(open.message).toMatchObject({ action: "replied", crm: { doctype: "CRM Lead", name: grace!.name, action: "attached" } });
    const [dana] = await leadByEmail("dana@bayview-clinic.example");
    expect(dana!.convertedDeal).toBeTruthy();
    const converted = await post({ message_id: "<k2@bayview-clinic.example>", from: { email: "dana@bayview-clinic.example" }, to: ["sales@orchestrator.test"], text: "Contract signed" });
    expect(converted.message).toMatchObject({ action: "replied", crm: { doctype: "CRM Deal", name: dana!.convertedDeal, action: "attached" } });
    expect(await leadByEmail("dana@bayview-clinic.example")).toHaveLength(1);
  });

  it("a redelivery answers the same and writes nothing; one of our own messages coming back is refused", async () => {
    const before = await counts();
    const again = await post({ message_id: "<new1@gmail.example>", from: { email: "pat.doe@gmail.example" }, to: ["sales@orchestrator.test"], text: "Can we talk?" });
    const [lead] = await leadByEmail("pat.doe@gmail.example");
    expect(again).toMatchObject({ status: 200, message: { ticket: null, comment: null, action: "duplicate", crm: { doctype: "CRM Lead", name: lead!.name, action: "duplicate" } } });
    expect(again.message.crm!.communication).toBeTruthy();
    const [ours] = await db().select({ id: schema.emailQueue.messageId }).from(schema.emailQueue).limit(1);
    expect((await post({ message_id: ours!.id, from: { email: "x@y.example" }, to: ["sales@orchestrator.test"] })).status).toBe(409);
    expect(await counts()).toEqual(before);
  });

  it("the helpdesk's mail still goes to the helpdesk, with its answer unchanged", async () => {
    const res = await post({ message_id: "<hd1@gmail.example>", from: { email: "quinn@gmail.example", name: "Quinn" }, to: ["hello@orchestrator.test"], subject: "Printer" });
    expect(res.status).toBe(200);
    expect(Object.keys(res.message).sort()).toEqual(["action", "comment", "ticket"]);
    expect(res.message).toMatchObject({ comment: null, action: "created" });
    expect(res.message.ticket).toMatch(/^HD-TKT-/);
    expect(await leadByEmail("quinn@gmail.example")).toEqual([]);
  });
});
