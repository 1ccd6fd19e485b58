import { describe, expect, it } from "vitest";
import { publicCallbackUrl, statusCallbackUrlFor } from "./deps";
import { computeTwilioSignature, verifyTwilioSignature } from "./twilio-signature";

describe("status callback URLs", () => {
  it("names the log in the URL the provider signs, and the route rebuilds exactly that URL behind a proxy", () => {
    const base = "https://crm.example.test/api/method/orchestrator.crm.sms_status?tenant=a b";
    const sent = statusCallbackUrlFor(base, "0193-abc")!;
    expect(new URL(sent).searchParams.get("log")).toBe("0193-abc");
    expect(new URL(sent).searchParams.get("tenant")).toBe("a b");
    // What the app sees behind the proxy: another host and scheme, the same path and query.
    const seen = sent.replace("https://crm.example.test", "http://10.0.0.5:3000");
    expect(publicCallbackUrl(base, seen)).toBe(sent);
    const params = { MessageSid: "SM1", MessageStatus: "sent" };
    expect(verifyTwilioSignature("token-123", publicCallbackUrl(base, seen), params, computeTwilioSignature("token-123", sent, params))).toBe(true);
    // Another log's name in the query does not verify against the signature of this one.
    expect(verifyTwilioSignature("token-123", publicCallbackUrl(base, seen.replace("0193-abc", "0193-xyz")), params, computeTwilioSignature("token-123", sent, params))).toBe(false);
  });

  it("asks for no callbacks without a public URL", () => {
    expect(statusCallbackUrlFor(undefined, "x")).toBeUndefined();
  });
});
