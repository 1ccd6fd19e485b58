import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MESSAGES, verifyAccept, verifyApiAuth, verifyAppId } from "./auth";

// Kipu's documented GET example: canonical ",,<uri>,<date>" with this URI and Date and the placeholder
// secret "test_secret_key". The expected values were computed outside this code base with
//   printf '%s' ',,<uri>,<date>' | openssl dgst -sha1|-sha256 -hmac test_secret_key -binary | base64
// The SHA-256 value equals the one a public Kipu client quotes as Kipu's published worked example.
const SECRET = "test_secret_key";
const URI = "/api/patients/census?phi_level=high&app_id=OFZdZaTiCgy5gZnjnpo-Y7pFNoQvgsLJvtQSPJpWJNM";
const DATE = "Thu, 07 Nov 2019 20:08:59 GMT";
const SHA1_SIG = "h1PXvNGSmNaZqXBv9/UcqjCFsJ0=";
const SHA256_SIG = "boYgaBORoufqIwn+yNU/+r6rS1Hww1UAk2JYf/JWKN8=";
const NOW = Date.parse(DATE);
const creds = { accessId: "test_access", secretKey: SECRET, appId: "OFZdZaTiCgy5gZnjnpo-Y7pFNoQvgsLJvtQSPJpWJNM" };

const get = (authorization: string, over: Partial<{ date: string; rawUrl: string }> = {}) => ({
  authorization,
  date: over.date ?? DATE,
  contentType: undefined,
  contentMd5: undefined,
  rawUrl: over.rawUrl ?? URI,
});

describe("verifyApiAuth", () => {
  it("accepts the known-answer SHA-1 and SHA-256 signatures", () => {
    expect(verifyApiAuth(get(`APIAuth test_access:${SHA1_SIG}`), creds, NOW)).toEqual({ ok: true });
    expect(verifyApiAuth(get(`APIAuth-HMAC-SHA256 test_access:${SHA256_SIG}`), creds, NOW)).toEqual({ ok: true });
  });

  it("accepts a POST canonical string with content type and MD5 (known answer)", () => {
    const input = { authorization: "APIAuth test_access:90d3TLkQ/rANx3FbE7Jj7hSt+SM=", date: "Wed, 06 Nov 2019 15:38:34 GMT", contentType: "application/json", contentMd5: "VpofNeoRAzRvCD/YjO1mSw==", rawUrl: "/api/patients" };
    expect(verifyApiAuth(input, creds, Date.parse(input.date))).toEqual({ ok: true });
  });

  it("refuses a signature of the wrong digest for its scheme", () => {
    expect(verifyApiAuth(get(`APIAuth test_access:${SHA256_SIG}`), creds, NOW)).toMatchObject({ ok: false, status: 401 });
    expect(verifyApiAuth(get(`APIAuth-HMAC-SHA256 test_access:${SHA1_SIG}`), creds, NOW)).toMatchObject({ ok: false, status: 401 });
  });

  it("refuses a tampered query string, path, date or secret", () => {
    const bad = { ok: false, status: 401, message: MESSAGES.badSignature };
    expect(verifyApiAuth(get(`APIAuth test_access:${SHA1_SIG}`, { rawUrl: URI.replace("high", "low") }), creds, NOW)).toEqual(bad);
    expect(verifyApiAuth(get(`APIAuth test_access:${SHA1_SIG}`, { rawUrl: `${URI}&page=2` }), creds, NOW)).toEqual(bad);
    // Same parameters, different order: a different request-uri, so a different signature.
    const reordered = "/api/patients/census?app_id=OFZdZaTiCgy5gZnjnpo-Y7pFNoQvgsLJvtQSPJpWJNM&phi_level=high";
    expect(verifyApiAuth(get(`APIAuth test_access:${SHA1_SIG}`, { rawUrl: reordered }), creds, NOW)).toEqual(bad);
    expect(verifyApiAuth(get(`APIAuth test_access:${SHA1_SIG}`, { date: "Thu, 07 Nov 2019 20:09:00 GMT" }), creds, NOW)).toEqual(bad);
    expect(verifyApiAuth(get(`APIAuth test_access:${SHA1_SIG}`), { ...creds, secretKey: "test_secret_keZ" }, NOW)).toEqual(bad);
  });

  it("answers a failed signature with the configured status (the live API was seen to use 403)", () => {
    expect(verifyApiAuth(get(`APIAuth test_access:${SHA1_SIG}`), { ...creds, secretKey: "other" }, NOW, 403)).toMatchObject({ status: 403, message: MESSAGES.badSignature });
  });

  it("refuses an unknown access id, a malformed header and a missing header", () => {
    expect(verifyApiAuth(get(`APIAuth someone_else:${SHA1_SIG}`), creds, NOW)).toEqual({ ok: false, status: 401, message: MESSAGES.unknownClient });
    expect(verifyApiAuth(get(`Bearer ${SHA1_SIG}`), creds, NOW)).toEqual({ ok: false, status: 401, message: MESSAGES.malformedHeader });
    expect(verifyApiAuth(get(`APIAuth test_access ${SHA1_SIG}`), creds, NOW)).toMatchObject({ status: 401 });
    expect(verifyApiAuth({ ...get(""), authorization: undefined }, creds, NOW)).toMatchObject({ status: 401, message: MESSAGES.malformedHeader });
  });

  it("checks the Date header: RFC 1123 only, within 15 minutes either way", () => {
    const sign = (date: string) => createHmac("sha1", SECRET).update(`,,${URI},${date}`).digest("base64");
    const at = (date: string, nowMs: number) => verifyApiAuth(get(`APIAuth test_access:${sign(date)}`, { date }), creds, nowMs);
    expect(at(DATE, NOW + 14 * 60_000)).toEqual({ ok: true });
    expect(at(DATE, NOW - 14 * 60_000)).toEqual({ ok: true });
    expect(at(DATE, NOW + 16 * 60_000)).toEqual({ ok: false, status: 401, message: MESSAGES.badDate });
    expect(at(DATE, NOW - 16 * 60_000)).toMatchObject({ status: 401, message: MESSAGES.badDate });
    expect(at("2019-11-07T20:08:59Z", NOW)).toMatchObject({ status: 401, message: MESSAGES.badDate });
    expect(at("Thu, 7 Nov 2019 20:08:59 GMT", NOW)).toMatchObject({ status: 401, message: MESSAGES.badDate });
  });

  it("refuses a signature that only decodes to the right bytes", () => {
    expect(verifyApiAuth(get(`APIAuth test_access:${SHA1_SIG.replace("=", "")}`), creds, NOW)).toMatchObject({ status: 401 });
  });
});

describe("app_id and Accept", () => {
  it("wants the app_id query parameter (403 otherwise)", () => {
    expect(verifyAppId(new URLSearchParams(URI.split("?")[1]), creds)).toEqual({ ok: true });
    expect(verifyAppId(new URLSearchParams("phi_level=high"), creds)).toEqual({ ok: false, status: 403, message: MESSAGES.badRecipient });
    expect(verifyAppId(new URLSearchParams("app_id=wrong"), creds)).toMatchObject({ status: 403 });
  });

  it("wants Kipu's v3 media type", () => {
    expect(verifyAccept("application/vnd.kipusystems+json; version=3")).toEqual({ ok: true });
    expect(verifyAccept("application/vnd.kipusystems+json;version=3")).toEqual({ ok: true });
    expect(verifyAccept("application/vnd.kipusystems+json; version=1")).toMatchObject({ status: 406 });
    expect(verifyAccept("application/json")).toMatchObject({ status: 406 });
    expect(verifyAccept(undefined)).toMatchObject({ status: 406 });
  });
});
