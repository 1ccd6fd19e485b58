import { AppError } from "@orchestrator/db";
import { describe, expect, it } from "vitest";
import { smsProviderFromEnv } from "./factory";
import { LogOnlyProvider } from "./log-only-provider";
import { TwilioProvider } from "./twilio-provider";
import { computeTwilioSignature, verifyTwilioSignature } from "./twilio-signature";

describe("Twilio signatures", () => {
  // Twilio's documented example ("Webhooks security"; the helper libraries test against it too).
  const url = "https://mycompany.com/myapp.php?foo=1&bar=2";
  const params = { CallSid: "CA1234567890ABCDE", Caller: "+14158675309", Digits: "1234", From: "+14158675309", To: "+18005551212" };

  it("reproduces the documented signatures", () => {
    expect(computeTwilioSignature("12345", url, params)).toBe("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    // A repeated name counts once per value, values sorted (twilio-node): the order they came in does not matter.
    const a = new URLSearchParams([["Sid", "CA123"], ["Digits", "5678"], ["Digits", "1234"]]);
    const b = new URLSearchParams([["Digits", "1234"], ["Sid", "CA123"], ["Digits", "5678"]]);
    expect(computeTwilioSignature("12345", url, a)).toBe(computeTwilioSignature("12345", url, b));
    expect(computeTwilioSignature("12345", url, { Sid: "CA123", Digits: ["1234", "5678"] })).toBe(computeTwilioSignature("12345", url, a));
  });

  it("verifies in constant time and refuses tampered, missing or malformed signatures", () => {
    expect(verifyTwilioSignature("12345", url, params, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).toBe(true);
    expect(verifyTwilioSignature("12345", url, { ...params, Digits: "9999" }, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).toBe(false);
    expect(verifyTwilioSignature("12345", `${url}&x`, params, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).toBe(false);
    expect(verifyTwilioSignature("12345", url, params, null)).toBe(false);
    expect(verifyTwilioSignature("12345", url, params, "short")).toBe(false);
  });
});

describe("LogOnlyProvider", () => {
  it("validates, records and returns a fake sid without sending", async () => {
    const provider = new LogOnlyProvider({ capacity: 2 });
    const receipt = await provider.sendSms({ to: "(201) 555-0123", body: " Hi " });
    expect(receipt).toMatchObject({ provider: "log", kind: "sms", status: "logged", to: "+12015550123" });
    expect(receipt.sid).toMatch(/^SMLOG[0-9a-f]{30}$/);
    await provider.placeCall({ to: "+12015550123" });
    await provider.sendSms({ to: "+12015550124", body: "third" });
    expect(provider.sent().map((i) => i.body)).toEqual([null, "third"]);
  });

  it("refuses an invalid number under `to` and an empty body under `body`", async () => {
    const provider = new LogOnlyProvider();
    await expect(provider.sendSms({ to: "12", body: "x" })).rejects.toMatchObject({ fieldErrors: [{ field: "to" }] });
    await expect(provider.sendSms({ to: "+12015550123", body: "  " })).rejects.toMatchObject({ fieldErrors: [{ field: "body" }] });
    await expect(provider.sendSms({ to: "+12015550123", body: "x".repeat(1601) })).rejects.toMatchObject({ fieldErrors: [{ field: "body" }] });
  });

  it("refuses every status callback", () => {
    expect(() => new LogOnlyProvider().parseStatusCallback()).toThrow(AppError);
  });
});

describe("smsProviderFromEnv", () => {
  const base = { TWILIO_BASE_URL: "http://127.0.0.1:2530", TWILIO_ACCOUNT_SID: undefined, TWILIO_AUTH_TOKEN: undefined, TWILIO_FROM: undefined };

  it("is log-only by default", () => {
    expect(smsProviderFromEnv({ ...base, SMS_PROVIDER: "log" })).toBeInstanceOf(LogOnlyProvider);
  });

  it("names the missing Twilio settings, not their values", () => {
    expect(() => smsProviderFromEnv({ ...base, SMS_PROVIDER: "twilio", TWILIO_AUTH_TOKEN: "secret-token-value" })).toThrow("SMS_PROVIDER=twilio needs TWILIO_ACCOUNT_SID, TWILIO_FROM");
  });

  it("builds the Twilio provider when configured", () => {
    const provider = smsProviderFromEnv({ ...base, SMS_PROVIDER: "twilio", TWILIO_ACCOUNT_SID: `AC${"0".repeat(32)}`, TWILIO_AUTH_TOKEN: "secret-token", TWILIO_FROM: "+15005550006" });
    expect(provider).toBeInstanceOf(TwilioProvider);
  });
});
