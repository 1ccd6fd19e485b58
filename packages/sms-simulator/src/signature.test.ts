import { describe, expect, it } from "vitest";
import { FaultQueue } from "./faults";
import { isE164 } from "./phone";
import { twilioSignature } from "./signature";

describe("twilioSignature", () => {
  // The worked example of Twilio's "Webhooks security" page (and its helper libraries' tests).
  const url = "https://mycompany.com/myapp.php?foo=1&bar=2";
  const params = { CallSid: "CA1234567890ABCDE", Caller: "+14158675309", Digits: "1234", From: "+14158675309", To: "+18005551212" };

  it("reproduces Twilio's documented signature", () => {
    expect(twilioSignature("12345", url, params)).toBe("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
  });

  it("changes with the token, the URL and any value", () => {
    expect(twilioSignature("12346", url, params)).not.toBe("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    expect(twilioSignature("12345", `${url}&x=1`, params)).not.toBe("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    expect(twilioSignature("12345", url, { ...params, Digits: "9999" })).not.toBe("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
  });
});

describe("isE164", () => {
  it.each(["+15005550006", "+442071838750", "+12"])("accepts %s", (n) => expect(isE164(n)).toBe(true));
  it.each(["15005550006", "+0123456", "+1 500 555 0006", "+1234567890123456", "", "+"])("refuses %j", (n) => expect(isE164(n)).toBe(false));
});

describe("FaultQueue", () => {
  it("answers `times` requests per fault, in order, then nothing", () => {
    const faults = new FaultQueue();
    faults.add([{ status: 429, times: 2, retryAfter: 3 }, { status: 503 }]);
    expect(faults.take()).toMatchObject({ status: 429, retryAfter: 3 });
    expect(faults.take()?.status).toBe(429);
    expect(faults.take()?.status).toBe(503);
    expect(faults.take()).toBeNull();
  });

  it("refuses statuses that are not 429 or 5xx", () => {
    expect(() => new FaultQueue().add([{ status: 404 }])).toThrow(/429 or a 5xx/);
  });
});
