import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { AppError, AppErrorCode } from "@orchestrator/db";
import { startSmsSimulator, type SmsSimulator } from "@orchestrator/sms-simulator";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SmsProviderEvent } from "./provider";
import { SmsProviderError } from "./twilio-errors";
import { TwilioProvider, type TwilioProviderOptions } from "./twilio-provider";

// TwilioProvider against the SMS simulator over real HTTP on 127.0.0.1. Retry waits go through an
// injected sleep that records the delay and returns at once; a local receiver collects the status
// callbacks the simulator posts, as the web app's route would receive them.
let sim: SmsSimulator;
let receiver: Server;
let callbackUrl: string;
let callbacks: { body: string; signature: string | null }[];
let sleeps: number[];
let events: SmsProviderEvent[];

function provider(over: Partial<TwilioProviderOptions> = {}): TwilioProvider {
  return new TwilioProvider({
    accountSid: sim.account.accountSid,
    authToken: sim.account.authToken,
    from: "+15005550006",
    baseUrl: sim.url,
    maxRetries: 3,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    onEvent: (e) => events.push(e),
    ...over,
  });
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected the call to fail");
}

async function waitForCallbacks(n: number): Promise<void> {
  const end = Date.now() + 5_000;
  while (callbacks.length < n) {
    if (Date.now() > end) throw new Error(`only ${callbacks.length} callbacks arrived`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeAll(async () => {
  sim = await startSmsSimulator({ stepDelayMs: 10 });
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      const signature = req.headers["x-twilio-signature"];
      callbacks.push({ body, signature: typeof signature === "string" ? signature : null });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/method/orchestrator.crm.sms_status?x=1`;
});
afterAll(async () => {
  await sim.close();
  await new Promise<void>((r) => receiver.close(() => r()));
});
beforeEach(() => {
  sim.reset();
  callbacks = [];
  sleeps = [];
  events = [];
});

describe("TwilioProvider against the simulator", () => {
  it("sends a text: E.164, Basic auth, form encoding; the receipt carries the SM sid and no body", async () => {
    const receipt = await provider().sendSms({ to: "(201) 555-0123", body: "Your appointment is at 10:00 & bring ID" });
    expect(receipt).toMatchObject({ provider: "twilio", kind: "sms", status: "queued", to: "+12015550123" });
    expect(receipt.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(sim.messages()).toMatchObject([{ sid: receipt.sid, to: "+12015550123", from: "+15005550006", body: "Your appointment is at 10:00 & bring ID" }]);
    expect(events).toEqual([{ type: "accepted", provider: "twilio", kind: "sms", sid: receipt.sid, status: "queued" }]);
  });

  it("maps Twilio's 21211 (invalid To) to a field error under `to`, without echoing the number", async () => {
    const error = await rejection(provider().sendSms({ to: "+15005550001", body: "x" }));
    expect(error.code).toBe(AppErrorCode.Validation);
    expect(error.fieldErrors).toEqual([{ field: "to", message: "is not a valid phone number (Twilio 21211)" }]);
    expect(error.message).not.toContain("5005550001");
    expect(sleeps).toEqual([]);
  });

  it("maps a non-owned From (21606) to `from`", async () => {
    const strict = await startSmsSimulator({ fromNumbers: ["+15005550006"], stepDelayMs: 10 });
    try {
      const error = await rejection(new TwilioProvider({ accountSid: strict.account.accountSid, authToken: strict.account.authToken, from: "+15005550007", baseUrl: strict.url }).sendSms({ to: "+12015550123", body: "x" }));
      expect(error.fieldErrors[0]).toMatchObject({ field: "from" });
    } finally {
      await strict.close();
    }
  });

  it("retries 429 (honouring Retry-After) and 500, then succeeds with exactly one message", async () => {
    sim.addFaults({ status: 429, retryAfter: 2 }, { status: 500 });
    const receipt = await provider().sendSms({ to: "+12015550123", body: "x" });
    expect(receipt.status).toBe("queued");
    expect(sleeps).toHaveLength(2);
    expect(sleeps[0]).toBe(2_000);
    // Full jitter with random 0.5: half of min(10 s, 500 ms · 2^1).
    expect(sleeps[1]).toBe(500);
    expect(events.filter((e) => e.type === "retry").map((e) => (e as { status: number }).status)).toEqual([429, 500]);
    expect(sim.messages()).toHaveLength(1);
  });

  it("gives up after maxRetries with RATE_LIMITED and the server's Retry-After", async () => {
    sim.addFaults({ status: 429, times: 10, retryAfter: 1 });
    const error = await rejection(provider({ maxRetries: 2 }).sendSms({ to: "+12015550123", body: "x" }));
    expect(error.code).toBe(AppErrorCode.RateLimited);
    expect(error.retryAfter).toBe(1);
    expect(sleeps).toHaveLength(2);
  });

  it("does not retry bad credentials (401) and does not put the token in the error", async () => {
    const error = await rejection(provider({ authToken: "wrong-token-1234" }).sendSms({ to: "+12015550123", body: "x" }));
    expect(error).toBeInstanceOf(SmsProviderError);
    expect(error).toMatchObject({ httpStatus: 401, twilioCode: 20003, retryable: false });
    expect(error.message).toMatch(/credentials/);
    expect(error.message).not.toContain("wrong-token-1234");
    expect(sleeps).toEqual([]);
  });

  it("verifies the signed status callbacks the simulator posts and refuses a tampered one", async () => {
    const p = provider();
    const receipt = await p.sendSms({ to: "+12015550123", body: "x", statusCallbackUrl: callbackUrl });
    await waitForCallbacks(2);
    const updates = callbacks.map((c) => p.parseStatusCallback({ url: callbackUrl, params: new URLSearchParams(c.body), signature: c.signature }));
    expect(updates).toEqual([
      { kind: "sms", sid: receipt.sid, status: "sent", errorCode: null, durationSeconds: null },
      { kind: "sms", sid: receipt.sid, status: "delivered", errorCode: null, durationSeconds: null },
    ]);

    const tampered = new URLSearchParams(callbacks[1]!.body);
    tampered.set("MessageStatus", "failed");
    const refused = (() => {
      try {
        p.parseStatusCallback({ url: callbackUrl, params: tampered, signature: callbacks[1]!.signature });
      } catch (error) {
        return error as AppError;
      }
      return null;
    })();
    expect(refused?.code).toBe(AppErrorCode.Forbidden);
    expect(() => p.parseStatusCallback({ url: callbackUrl.replace("x=1", "x=2"), params: new URLSearchParams(callbacks[1]!.body), signature: callbacks[1]!.signature })).toThrow(/Signature/);
    expect(() => p.parseStatusCallback({ url: callbackUrl, params: new URLSearchParams(callbacks[1]!.body), signature: null })).toThrow(/Signature/);
  });

  it("places a call and reads its completed callback with the duration", async () => {
    const p = provider();
    const receipt = await p.placeCall({ to: "+12015550123", twimlUrl: "https://example.test/twiml/connect", statusCallbackUrl: callbackUrl });
    expect(receipt.sid).toMatch(/^CA[0-9a-f]{32}$/);
    await waitForCallbacks(4);
    const updates = callbacks.map((c) => p.parseStatusCallback({ url: callbackUrl, params: new URLSearchParams(c.body), signature: c.signature }));
    expect(updates.map((u) => u.status)).toEqual(["initiated", "ringing", "in-progress", "completed"]);
    expect(updates[3]).toEqual({ kind: "call", sid: receipt.sid, status: "completed", errorCode: null, durationSeconds: 5 });
  });

  it("refuses a call with nothing to play before calling", async () => {
    const error = await rejection(provider().placeCall({ to: "+12015550123" }));
    expect(error.fieldErrors[0]).toMatchObject({ field: "twiml_url" });
    expect(sim.calls()).toEqual([]);
  });
});
