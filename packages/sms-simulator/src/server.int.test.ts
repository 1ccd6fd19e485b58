import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MAGIC_TO, UNDELIVERABLE_TO } from "./phone";
import { startSmsSimulator, type SmsSimulator } from "./server";
import { twilioSignature } from "./signature";

// The simulator over real HTTP, spoken to with plain fetch (the protocol, not our adapter).
let sim: SmsSimulator;
let receiver: Server;
let receiverUrl: string;
const received: { body: string; signature: string | undefined }[] = [];

const auth = (sid: string, token: string) => `Basic ${Buffer.from(`${sid}:${token}`).toString("base64")}`;
const base = () => `${sim.url}/2010-04-01/Accounts/${sim.account.accountSid}`;
const post = (path: string, form: Record<string, string>, authorization = auth(sim.account.accountSid, sim.account.authToken)) =>
  fetch(`${base()}${path}`, { method: "POST", headers: { authorization, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(form).toString() });

async function until<T>(check: () => T | undefined, ms = 3_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeAll(async () => {
  sim = await startSmsSimulator({ stepDelayMs: 10 });
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push({ body, signature: req.headers["x-twilio-signature"] as string | undefined });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/sms/status?tenant=t1`;
});
afterAll(async () => {
  await sim.close();
  await new Promise<void>((r) => receiver.close(() => r()));
});
beforeEach(() => {
  sim.reset();
  received.length = 0;
});

describe("Messages", () => {
  it("creates a queued message (201, SM sid), serves it, and moves it to delivered with signed callbacks", async () => {
    const res = await post("/Messages.json", { To: "+15005550006", From: "+15005550000", Body: "Hello", StatusCallback: receiverUrl });
    expect(res.status).toBe(201);
    const message = (await res.json()) as Record<string, unknown>;
    expect(message).toMatchObject({ status: "queued", to: "+15005550006", from: "+15005550000", body: "Hello", direction: "outbound-api", num_segments: "1", api_version: "2010-04-01" });
    expect(message.sid).toMatch(/^SM[0-9a-f]{32}$/);

    await until(() => (received.length >= 2 ? true : undefined));
    const statuses = received.map((r) => new URLSearchParams(r.body).get("MessageStatus"));
    expect(statuses).toEqual(["sent", "delivered"]);
    for (const r of received) {
      const params = Object.fromEntries(new URLSearchParams(r.body));
      expect(params.MessageSid).toBe(message.sid);
      expect(r.signature).toBe(twilioSignature(sim.account.authToken, receiverUrl, params));
    }
    const one = await fetch(`${base()}/Messages/${String(message.sid)}.json`, { headers: { authorization: auth(sim.account.accountSid, sim.account.authToken) } });
    expect(((await one.json()) as { status: string }).status).toBe("delivered");
  });

  it("answers an invalid To with 400 and Twilio's 21211 body, creating nothing", async () => {
    for (const to of ["555-0100", MAGIC_TO.invalid]) {
      const res = await post("/Messages.json", { To: to, From: "+15005550000", Body: "x" });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ code: 21211, message: `The 'To' number ${to} is not a valid phone number.`, more_info: "https://www.twilio.com/docs/errors/21211", status: 400 });
    }
    expect(sim.messages()).toEqual([]);
  });

  it.each([
    [{ From: "+15005550000", Body: "x" }, 21604],
    [{ To: "+15005550006", Body: "x" }, 21603],
    [{ To: "+15005550006", From: "+15005550000" }, 21602],
    [{ To: "+15005550006", From: "+15005550000", Body: "x".repeat(1601) }, 21617],
    [{ To: MAGIC_TO.blocked, From: "+15005550000", Body: "x" }, 21610],
    [{ To: "+15005550006", From: "+15005550000", Body: "x", StatusCallback: "not a url" }, 21609],
  ])("refuses %j with %i", async (form, code) => {
    const res = await post("/Messages.json", form);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: number }).code).toBe(code);
  });

  it("ends in undelivered with ErrorCode 30003 for the undeliverable number", async () => {
    await post("/Messages.json", { To: UNDELIVERABLE_TO, From: "+15005550000", Body: "x", StatusCallback: receiverUrl });
    await until(() => (received.length >= 2 ? true : undefined));
    const last = new URLSearchParams(received[1]!.body);
    expect([last.get("MessageStatus"), last.get("ErrorCode")]).toEqual(["undelivered", "30003"]);
  });

  it("lists messages newest first with Twilio's page envelope", async () => {
    await post("/Messages.json", { To: "+15005550006", From: "+15005550000", Body: "one" });
    await post("/Messages.json", { To: "+15005550006", From: "+15005550000", Body: "two" });
    const res = await fetch(`${base()}/Messages.json?PageSize=1`, { headers: { authorization: auth(sim.account.accountSid, sim.account.authToken) } });
    const page = (await res.json()) as { messages: { body: string }[]; next_page_uri: string | null; page_size: number };
    expect(page.messages.map((m) => m.body)).toEqual(["two"]);
    expect(page.page_size).toBe(1);
    expect(page.next_page_uri).toContain("Page=1");
  });
});

describe("auth and faults", () => {
  it("answers a wrong token with 401 / 20003 and a WWW-Authenticate challenge", async () => {
    const res = await post("/Messages.json", { To: "+15005550006", From: "+15005550000", Body: "x" }, auth(sim.account.accountSid, "wrong"));
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Basic/);
    expect(((await res.json()) as { code: number }).code).toBe(20003);
  });

  it("answers another account's path with 404 / 20404", async () => {
    const res = await fetch(`${sim.url}/2010-04-01/Accounts/AC${"f".repeat(32)}/Messages.json`, { headers: { authorization: auth(sim.account.accountSid, sim.account.authToken) } });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { code: number }).code).toBe(20404);
  });

  it("injects 429 with Retry-After and 500 for the next requests only, creating nothing meanwhile", async () => {
    const injected = await fetch(`${sim.url}/_sim/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ faults: [{ status: 429, retryAfter: 2 }, { status: 500 }] }) });
    expect(injected.status).toBe(200);
    const form = { To: "+15005550006", From: "+15005550000", Body: "x" };
    const first = await post("/Messages.json", form);
    expect([first.status, first.headers.get("retry-after"), ((await first.json()) as { code: number }).code]).toEqual([429, "2", 20429]);
    expect((await post("/Messages.json", form)).status).toBe(500);
    expect((await post("/Messages.json", form)).status).toBe(201);
    expect(sim.messages()).toHaveLength(1);
  });
});

describe("Calls", () => {
  it("places a call (CA sid) and posts the asked-for progress events, signed", async () => {
    const res = await post("/Calls.json", { To: "+15005550006", From: "+15005550000", Url: "https://example.test/twiml", StatusCallback: receiverUrl, StatusCallbackEvent: "ringing completed" });
    expect(res.status).toBe(201);
    const call = (await res.json()) as { sid: string; status: string };
    expect(call.sid).toMatch(/^CA[0-9a-f]{32}$/);
    expect(call.status).toBe("queued");
    await until(() => (received.length >= 2 ? true : undefined));
    const events = received.map((r) => Object.fromEntries(new URLSearchParams(r.body)));
    expect(events.map((e) => e.CallStatus)).toEqual(["ringing", "completed"]);
    expect(events[1]!.CallDuration).toBe("5");
    expect(received[1]!.signature).toBe(twilioSignature(sim.account.authToken, receiverUrl, events[1]!));
  });

  it("requires Url or Twiml", async () => {
    const res = await post("/Calls.json", { To: "+15005550006", From: "+15005550000" });
    expect(((await res.json()) as { code: number }).code).toBe(21205);
  });
});
