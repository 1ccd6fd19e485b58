import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const forced = vi.hoisted(() => {
  process.env.EMAIL_FROM = "Orchestrator <crm@orchestrator.test>";
  process.env.EMAIL_DOMAIN = "orchestrator.test";
  return { messageId: null as string | null };
});
// The outbox's Message-ID, forced in one test to collide with a Communication's (a failure after queueEmail ran).
vi.mock("../../email/headers", async (importOriginal) => {
  const original = await importOriginal<typeof HeadersModule>();
  return { ...original, newMessageId: (domain: string) => forced.messageId ?? original.newMessageId(domain) };
});

import { closeRedis, generateApiKeys } from "@orchestrator/auth";
import type { ScopedDb } from "@orchestrator/db";
import { closeDatabase, schema, unsafeSystemDb } from "@orchestrator/db/system";
import { seedDemo } from "@orchestrator/db/testing";
import { and, count, eq } from "drizzle-orm";
import type * as HeadersModule from "../../email/headers";
import { settleEmailKicks } from "../../email/producer";
import { closeQueues } from "../../queue";
import { startApiServer } from "../../testing/server";
import { seedCrmDemo } from "../demo";
import { convertLead } from "../services/convert";
import { previewEmail, sendEmail } from "./send-email";
import { refusal, scopedAs } from "../../testing/scoped-as";

/**
 * Sending e-mail from a lead or deal over real MariaDB (and HTTP for REST): the outbox row, its
 * thread index, the Communication and their audit in one transaction; template and recipient errors
 * per field with nothing written; another team's record NOT FOUND; Email Templates kept by managers.
 */
const SALES = "sales@demo.orchestrator.test"; // East Coast
const SALES2 = "sales2@demo.orchestrator.test"; // West Coast
const MANAGER = "salesmanager@demo.orchestrator.test";

const db = () => unsafeSystemDb();
const as = (user: string): Promise<ScopedDb> => scopedAs(user, `send-email-${user}`);
let api: { url: string; close: () => Promise<void> };
const tokens: Record<string, string> = {};
const rest = (user: string, path: string, init: RequestInit = {}) => fetch(`${api.url}${path}`, { ...init, headers: { authorization: `token ${tokens[user]}`, "content-type": "application/json", ...(init.headers ?? {}) } });

const n = async (table: typeof schema.emailQueue | typeof schema.emailMessages | typeof schema.communications | typeof schema.versions) => Number((await db().select({ n: count() }).from(table))[0]!.n);
const counts = async () => ({ queue: await n(schema.emailQueue), messages: await n(schema.emailMessages), communications: await n(schema.communications), versions: await n(schema.versions) });
let lead = "";

beforeAll(async () => {
  await seedDemo(db(), { passwordHash: "x", clientCount: 1 });
  await seedCrmDemo(db(), { passwordHash: "x" });
  lead = (await (await as(SALES)).insert("CRM Lead", { first_name: "Nora", last_name: "Quill", email: "nora@quill.example", organization: "Quill House", team: "East Coast" })).name;
  api = await startApiServer();
  for (const user of [SALES, SALES2, MANAGER]) {
    const pair = await generateApiKeys(user);
    tokens[user] = `${pair.api_key}:${pair.api_secret}`;
  }
});
afterAll(async () => {
  await api.close();
  await settleEmailKicks();
  await closeQueues();
  await closeRedis();
  await closeDatabase();
});

describe("crm.previewEmail / crm.sendEmail", () => {
  it("previews the seeded template with the lead's and sender's values and the lead's address, writing nothing", async () => {
    const before = await counts();
    const preview = await previewEmail(await as(SALES), { doctype: "CRM Lead", name: lead, template: "Introduction" });
    expect(preview.to).toBe("nora@quill.example");
    expect(preview.subject).toBe("Your enquiry with us, Nora");
    expect(preview.body).toContain("Hello Nora,");
    expect(preview.body).toContain("about Quill House.");
    expect(preview.body).toContain("Sasha Sales");
    expect(await counts()).toEqual(before);
  });

  it("queues the mail, indexes its Message-ID on the lead, records the Communication and marks the New lead Contacted, all audited as the sender", async () => {
    const { communication } = await sendEmail(await as(SALES), { doctype: "CRM Lead", name: lead, template: "Introduction", body: "Hi {{lead.first_name}}, see you {{sender.full_name}}" });
    expect(communication).toMatchObject({ sent_or_received: "Sent", communication_medium: "Email", subject: "Your enquiry with us, Nora", content: "Hi Nora, see you Sasha Sales", recipients: "nora@quill.example", reference_doctype: "CRM Lead", reference_docname: lead, user: SALES, team: "East Coast", sender: "crm@orchestrator.test" });
    const [queued] = await db().select().from(schema.emailQueue).where(eq(schema.emailQueue.messageId, String(communication.message_id)));
    expect(queued).toMatchObject({ recipients: "nora@quill.example", subject: "Your enquiry with us, Nora", message: "Hi Nora, see you Sasha Sales", referenceDoctype: "CRM Lead", referenceName: lead, sender: '"Sasha Sales" <crm@orchestrator.test>', status: "Not Sent", owner: SALES });
    const [indexed] = await db().select().from(schema.emailMessages).where(eq(schema.emailMessages.messageId, String(communication.message_id)));
    expect(indexed).toMatchObject({ direction: "outbound", referenceDoctype: "CRM Lead", referenceName: lead });
    const audit = await db().select({ doctype: schema.versions.refDoctype, owner: schema.versions.owner, requestId: schema.versions.requestId }).from(schema.versions).where(and(eq(schema.versions.owner, SALES), eq(schema.versions.requestId, `send-email-${SALES}`)));
    expect(audit.map((v) => v.doctype)).toEqual(expect.arrayContaining(["Communication", "CRM Lead"]));
    const [row] = await db().select({ status: schema.crmLeads.status }).from(schema.crmLeads).where(eq(schema.crmLeads.name, lead));
    expect(row!.status).toBe("Contacted");
  });

  it("refuses unknown merge fields under subject and body, a missing or malformed recipient under to, and writes nothing", async () => {
    const sales = await as(SALES);
    const before = await counts();
    const bad = await refusal(sendEmail(sales, { doctype: "CRM Lead", name: lead, subject: "Hi {{lead.ssn}}", body: "{{lead.diagnosis}} and {{contact.first_name}}" }));
    expect(bad.fieldErrors.map((f) => f.field)).toEqual(["subject", "body"]);
    expect(bad.fieldErrors[0]!.message).toMatch(/Unknown merge field \{\{lead\.ssn\}\}/);
    const noAddress = (await sales.insert("CRM Lead", { first_name: "Mute", team: "East Coast" })).name;
    const missing = await refusal(sendEmail(sales, { doctype: "CRM Lead", name: noAddress, template: "Introduction" }));
    expect(missing.fieldErrors.map((f) => f.field)).toEqual(["to"]);
    expect((await refusal(previewEmail(sales, { doctype: "CRM Lead", name: lead, to: "not-an-address", subject: "x", body: "y" }))).fieldErrors.map((f) => f.field)).toEqual(["to"]);
    expect((await refusal(sendEmail(sales, { doctype: "CRM Lead", name: lead, template: "No such template" }))).fieldErrors.map((f) => f.field)).toEqual(["template"]);
    const afterInsert = await counts();
    expect({ ...afterInsert, versions: before.versions }).toEqual(before);
    expect(afterInsert.versions).toBe(before.versions + 1); // the address-less lead's own
  });

  it("rolls the outbox row back when a later write of the same send fails", async () => {
    const sales = await as(SALES);
    // A received Communication holds the Message-ID the outbox will take: the Communication insert fails after queueEmail ran.
    const taken = "<taken@elsewhere.example>";
    await db().insert(schema.communications).values({ name: "received-1", sentOrReceived: "Received", referenceDoctype: "CRM Lead", referenceDocname: lead, messageId: taken, team: "East Coast", creation: "2026-01-01 00:00:00", modified: "2026-01-01 00:00:00", owner: "system", modifiedBy: "system" });
    const before = await counts();
    forced.messageId = taken;
    try {
      expect((await refusal(sendEmail(sales, { doctype: "CRM Lead", name: lead, subject: "Again", body: "Hello" }))).code).toBe("DUPLICATE");
    } finally {
      forced.messageId = null;
    }
    expect(await counts()).toEqual(before);
  });

  it("another team's salesperson gets NOT FOUND for the record and its communications, and nothing is written", async () => {
    const before = await counts();
    const error = await refusal(sendEmail(await as(SALES2), { doctype: "CRM Lead", name: lead, subject: "Hi", body: "there" }));
    expect(error.code).toBe("NOT_FOUND");
    expect((await refusal(previewEmail(await as(SALES2), { doctype: "CRM Lead", name: lead, subject: "Hi", body: "there" }))).code).toBe("NOT_FOUND");
    expect(await counts()).toEqual(before);
    const [communication] = await db().select({ name: schema.communications.name }).from(schema.communications).where(eq(schema.communications.referenceDocname, lead)).limit(1);
    expect((await rest(SALES2, `/api/resource/Communication/${communication!.name}`)).status).toBe(404);
    expect((await rest(SALES, `/api/resource/Communication/${communication!.name}`)).status).toBe(200);
    const list = (await (await rest(SALES2, "/api/resource/Communication?limit=100")).json()) as { data: unknown[] };
    expect(list.data).toEqual([]);
  });

  it("a deal's e-mail goes to its contact, with the contact and the lead it came from as merge fields", async () => {
    const sales = await as(SALES);
    const source = await sales.insert("CRM Lead", { first_name: "Otto", last_name: "Vance", email: "otto@vance.example", team: "East Coast" });
    const { deal } = await convertLead(sales, { lead: source.name });
    const preview = await previewEmail(sales, { doctype: "CRM Deal", name: deal.name, template: "Next steps" });
    expect(preview).toMatchObject({ to: "otto@vance.example", subject: "Next steps for Otto Vance" });
    expect(preview.body).toContain(SALES);
    const { communication } = await sendEmail(sales, { doctype: "CRM Deal", name: deal.name, template: "Next steps" });
    expect(communication).toMatchObject({ reference_doctype: "CRM Deal", reference_docname: deal.name, recipients: "otto@vance.example" });
  });
});

describe("Email Template", () => {
  it("is read by every salesperson, written by a Sales Manager, refused (403) to a Sales User, and checked per field on save", async () => {
    const list = (await (await rest(SALES2, "/api/resource/Email%20Template?fields=%5B%22name%22%5D")).json()) as { data: { name: string }[] };
    expect(list.data.map((t) => t.name).sort()).toEqual(["Introduction", "Next steps"]);
    const create = (user: string, body: unknown) => rest(user, "/api/resource/Email%20Template", { method: "POST", body: JSON.stringify(body) });
    expect((await create(SALES, { name: "Mine", subject: "Hi", response: "Hello" })).status).toBe(403);
    const bad = await create(MANAGER, { name: "Typo", subject: "Hi {{lead.frist_name}}", response: "Hello {{ lead.first_name }} {{oops" });
    expect(bad.status).toBe(417);
    expect(((await bad.json()) as { fields: { field: string }[] }).fields.map((f) => f.field)).toEqual(["subject", "response"]);
    const ok = await create(MANAGER, { name: "Check-in", subject: "Checking in, {{lead.first_name}}", response: "Hello {{lead.first_name}}", reference_doctype: "CRM Lead" });
    expect(ok.status).toBe(200);
    const disabled = await rest(MANAGER, "/api/resource/Email%20Template/Check-in", { method: "PUT", body: JSON.stringify({ enabled: 0 }) });
    expect(disabled.status).toBe(200);
    expect((await refusal(previewEmail(await as(SALES), { doctype: "CRM Lead", name: lead, template: "Check-in" }))).fieldErrors).toEqual([{ field: "template", message: "Template Check-in is disabled" }]);
    expect((await rest(SALES, "/api/resource/Email%20Template/Check-in", { method: "DELETE" })).status).toBe(403);
  });

  it("a Communication cannot be made or changed through the API", async () => {
    const res = await rest(SALES, "/api/resource/Communication", { method: "POST", body: JSON.stringify({ subject: "fake", reference_doctype: "CRM Lead", reference_docname: lead }) });
    expect(res.status).toBe(417);
  });
});
