/**
 * Texts and calls from a CRM record against the real Twilio-style simulator over HTTP: the SMS Log is
 * written before the one send and gets the message's sid; the simulator's signed status callbacks
 * reach `orchestrator.crm.sms_status` through a proxy (the public URL differs from the app's, as in
 * production) and move the log forward only; a tampered callback is 403; bad numbers and bodies are
 * refused per field, locally (nothing written) or by the provider (log Failed).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The comms env is read when its module is imported: start the simulator and the public-URL proxy first.
const world = await vi.hoisted(async () => {
  const { createServer } = await import("node:http");
  const { startSmsSimulator } = await import("@orchestrator/sms-simulator");
  const sim = await startSmsSimulator({ stepDelayMs: 100 });
  const target = { url: "" };
  // The "public" host Twilio calls: forwards path, query, signature and body to the API server as a reverse proxy would.
  const proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void fetch(`${target.url}${req.url ?? "/"}`, { method: req.method ?? "POST", headers: { "content-type": String(req.headers["content-type"] ?? ""), "x-twilio-signature": String(req.headers["x-twilio-signature"] ?? "") }, body: Buffer.concat(chunks) })
        .then(async (r) => res.writeHead(r.status).end(await r.text()))
        .catch(() => res.writeHead(502).end());
    });
  });
  await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
  const { port } = proxy.address() as { port: number };
  Object.assign(process.env, {
    SMS_PROVIDER: "twilio",
    TWILIO_ACCOUNT_SID: sim.account.accountSid,
    TWILIO_AUTH_TOKEN: sim.account.authToken,
    TWILIO_FROM: "+15005550006",
    TWILIO_BASE_URL: sim.url,
    SMS_STATUS_CALLBACK_URL: `http://127.0.0.1:${port}/api/method/orchestrator.crm.sms_status?site=crm`,
    CRM_CALL_TWIML_URL: "https://example.test/twiml/connect-desk",
  });
  return { sim, proxy, target };
});

import { closeRedis } from "@orchestrator/auth";
import type { Doc, ScopedDb } from "@orchestrator/db";
import { closeDatabase, schema, unsafeSystemDb } from "@orchestrator/db/system";
import { eventually, seedDemo } from "@orchestrator/db/testing";
import { MAGIC_TO, UNDELIVERABLE_TO, type CallbackAttempt } from "@orchestrator/sms-simulator";
import { and, count, eq } from "drizzle-orm";
import { startApiServer } from "../../testing/server";
import { seedCrmDemo } from "../demo";
import { placeCall, sendSms } from "./send-sms";
import { refusal, scopedAs } from "../../testing/scoped-as";

const SALES = "sales@demo.orchestrator.test"; // East Coast
const SALES2 = "sales2@demo.orchestrator.test"; // West Coast
const BOT = "integration@demo.orchestrator.test";
const db = () => unsafeSystemDb();
const as = (user: string): Promise<ScopedDb> => scopedAs(user);
let api: { url: string; close: () => Promise<void> };
let lead = "";

const smsLog = async (name: string) => (await db().select().from(schema.crmSmsLogs).where(eq(schema.crmSmsLogs.name, name)))[0]!;
const callLog = async (name: string) => (await db().select().from(schema.crmCallLogs).where(eq(schema.crmCallLogs.name, name)))[0]!;
const logCount = async () => Number((await db().select({ n: count() }).from(schema.crmSmsLogs))[0]!.n) + Number((await db().select({ n: count() }).from(schema.crmCallLogs))[0]!.n);
const callbacksOf = (sid: string) => world.sim.callbacks().filter((c) => c.params.MessageSid === sid || c.params.CallSid === sid);
/** A callback posted to the app as the simulator did, optionally with changed fields (the signature kept). */
function repost(attempt: CallbackAttempt, change: Record<string, string> = {}): Promise<Response> {
  const url = new URL(attempt.url);
  return fetch(`${api.url}${url.pathname}${url.search}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": attempt.signature }, body: new URLSearchParams({ ...attempt.params, ...change }).toString() });
}
beforeAll(async () => {
  await seedDemo(db(), { passwordHash: "x", clientCount: 1 });
  await seedCrmDemo(db(), { passwordHash: "x" });
  lead = (await (await as(SALES)).insert("CRM Lead", { first_name: "Tess", last_name: "Ray", mobile_no: "(201) 555-0123", team: "East Coast" })).name;
  api = await startApiServer();
  world.target.url = api.url;
});
afterAll(async () => {
  await api.close();
  await world.sim.close();
  await new Promise<void>((r) => world.proxy.close(() => r()));
  await closeRedis();
  await closeDatabase();
});

describe("crm.sendSms", () => {
  it("sends to the lead's mobile once, stores the sid; signed callbacks through the proxy move the log to Delivered, audited as the integration user", async () => {
    const log: Doc = await sendSms(await as(SALES), { doctype: "CRM Lead", name: lead, body: "Your tour is at 3 pm." });
    expect(log).toMatchObject({ direction: "Outgoing", to: "+12015550123", from: "+15005550006", body: "Your tour is at 3 pm.", agent: SALES, team: "East Coast", reference_doctype: "CRM Lead", reference_docname: lead });
    // Usually still Queued; a callback may already have moved it (the log names itself in the callback URL).
    expect(["Queued", "Sent", "Delivered"]).toContain(log.status);
    expect(String(log.provider_id)).toMatch(/^SM[0-9a-f]{32}$/);
    expect(world.sim.messages("+12015550123").map((m) => [m.sid, m.body])).toEqual([[log.provider_id, "Your tour is at 3 pm."]]);
    const row = await eventually(async () => {
      const r = await smsLog(log.name);
      if (r.status !== "Delivered") throw new Error(`still ${r.status}`);
      return r;
    });
    expect(row.providerId).toBe(log.provider_id);
    const attempts = callbacksOf(String(log.provider_id));
    expect(attempts.map((a) => [a.params.MessageStatus, a.responseStatus])).toEqual([["sent", 200], ["delivered", 200]]);
    expect(new URL(attempts[0]!.url).searchParams.get("log")).toBe(log.name);
    const audit = await db().select({ owner: schema.versions.owner, data: schema.versions.data }).from(schema.versions).where(and(eq(schema.versions.refDoctype, "CRM SMS Log"), eq(schema.versions.docname, log.name)));
    // Written and given its sid by the sender; moved on by the callbacks, as the integration user.
    expect(audit[0]!.owner).toBe(SALES);
    expect(new Set(audit.slice(1).map((v) => v.owner))).toEqual(new Set([SALES, BOT]));
    expect(audit.filter((v) => v.owner === BOT).length).toBeGreaterThanOrEqual(1);
  });

  it("a redelivered or late callback changes nothing; a tampered one is 403 and changes nothing", async () => {
    const [sms] = await db().select().from(schema.crmSmsLogs).limit(1);
    const [sent, delivered] = callbacksOf(sms!.providerId!);
    const before = await smsLog(sms!.name);
    const again = await repost(delivered!);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { message: unknown }).message).toEqual({ log: sms!.name, status: "Delivered", changed: false });
    expect((await repost(sent!)).status).toBe(200); // out of order: "sent" after "delivered"
    const tampered = await repost(delivered!, { MessageStatus: "failed" });
    expect(tampered.status).toBe(403);
    const unsigned = await fetch(`${api.url}/api/method/orchestrator.crm.sms_status?site=crm`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(delivered!.params).toString() });
    expect(unsigned.status).toBe(403);
    expect(await smsLog(sms!.name)).toEqual(before);
  });

  it("an undeliverable text ends Failed through its callback", async () => {
    const log = await sendSms(await as(SALES), { doctype: "CRM Lead", name: lead, to: UNDELIVERABLE_TO, body: "Hello?" });
    await eventually(async () => {
      if ((await smsLog(log.name)).status !== "Failed") throw new Error("not failed yet");
    });
  });

  it("refuses a bad number or body per field before anything is written or sent", async () => {
    const sales = await as(SALES);
    const before = { logs: await logCount(), sent: world.sim.messages().length };
    expect((await refusal(sendSms(sales, { doctype: "CRM Lead", name: lead, to: "12", body: "x" }))).fieldErrors.map((f) => f.field)).toEqual(["to"]);
    expect((await refusal(sendSms(sales, { doctype: "CRM Lead", name: lead, body: "   " }))).fieldErrors.map((f) => f.field)).toEqual(["body"]);
    expect((await refusal(sendSms(sales, { doctype: "CRM Lead", name: lead, body: "x".repeat(1601) }))).fieldErrors.map((f) => f.field)).toEqual(["body"]);
    const silent = (await sales.insert("CRM Lead", { first_name: "No", last_name: "Phone", team: "East Coast" })).name;
    expect((await refusal(sendSms(sales, { doctype: "CRM Lead", name: silent, body: "x" }))).fieldErrors.map((f) => f.field)).toEqual(["to"]);
    expect((await refusal(sendSms(await as(SALES2), { doctype: "CRM Lead", name: lead, body: "x" }))).code).toBe("NOT_FOUND");
    expect({ logs: await logCount(), sent: world.sim.messages().length }).toEqual(before);
  });

  it("a number the provider refuses (Twilio 21211) marks the log Failed and comes back as a field error on to", async () => {
    const before = await logCount();
    const error = await refusal(sendSms(await as(SALES), { doctype: "CRM Lead", name: lead, to: MAGIC_TO.invalid, body: "Hi" }));
    expect(error.fieldErrors).toEqual([{ field: "to", message: "is not a valid phone number (Twilio 21211)" }]);
    expect(await logCount()).toBe(before + 1);
    const [failed] = await db().select().from(schema.crmSmsLogs).where(eq(schema.crmSmsLogs.toNumber, MAGIC_TO.invalid));
    expect(failed).toMatchObject({ status: "Failed", providerId: null });
  });
});

describe("crm.placeCall", () => {
  it("places the call once with the configured TwiML; its callbacks end it Completed with the duration", async () => {
    const log = await placeCall(await as(SALES), { doctype: "CRM Lead", name: lead });
    expect(log).toMatchObject({ direction: "Outgoing", to: "+12015550123", agent: SALES, team: "East Coast" });
    expect(String(log.provider_id)).toMatch(/^CA[0-9a-f]{32}$/);
    expect(world.sim.calls().map((c) => c.sid)).toEqual([log.provider_id]);
    const row = await eventually(async () => {
      const r = await callLog(log.name);
      if (r.status !== "Completed") throw new Error(`still ${r.status}`);
      return r;
    });
    expect(row.duration).toBe(5);
    expect(callbacksOf(String(log.provider_id)).every((a) => a.responseStatus === 200)).toBe(true);
  });
});
