import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The simulator's own APIAuth verification. Deliberately independent of the client's signer (no
 * shared code), so a bug on one side cannot hide on both.
 *
 * Protocol, as Kipu documents it for API v3 and the api_auth Ruby gem (mgomes/api_auth, which Kipu's
 * header format comes from) implements it:
 *   Authorization: APIAuth <access_id>:<base64(HMAC-SHA1(secret_key, canonical))>
 *   canonical     = "<content-type>,<content-md5>,<request-uri>,<date>"  (GET: ",,<request-uri>,<date>")
 *   request-uri   = the path with its exact query string, as sent
 *   date          = the `Date` header (RFC 1123, GMT), or `X-Auth-Date` for clients that cannot set Date
 * Sources: "KIPU API Documentation" (Kipu's v3 auth page mirrored in public Kipu integrations on GitHub);
 * mgomes/api_auth lib/api_auth/{base,headers,configuration}.rb (header pattern
 * `APIAuth(?:-HMAC-(SHA256|...))? id:sig`, 900 s clock skew). A public Kipu client pins Kipu's published
 * worked example to HMAC-SHA256 under `APIAuth-HMAC-SHA256`, so both digests are accepted.
 * Error texts for an unknown access id / failed signature / unknown app_id are the ones Kipu was observed
 * to send (recorded in that client's tests); the others are assumed.
 */

export interface SimCredentials {
  accessId: string;
  secretKey: string;
  appId: string;
}

export const KIPU_ACCEPT = "application/vnd.kipusystems+json; version=3";
export const MAX_SKEW_MS = 15 * 60_000;

export const MESSAGES = {
  malformedHeader: "Access Denied - Authorization header missing or malformed",
  unknownClient: "Access Denied - API Client app not found",
  badDate: "Access Denied - Date header missing, malformed or outside the allowed window",
  badSignature: "Access Denied - API Client app failed to authenticate",
  badRecipient: "Access Denied - Invalid or Missing Recipient",
  badAccept: "Not Acceptable - send Accept: application/vnd.kipusystems+json; version=3",
} as const;

const AUTH_HEADER = /^APIAuth(?:-HMAC-(SHA1|SHA256))? ([^\s:]+):(\S+)$/i;
const RFC1123 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

export interface IncomingAuth {
  authorization: string | undefined;
  date: string | undefined;
  contentType: string | undefined;
  contentMd5: string | undefined;
  /** Path plus query exactly as received (`req.url`). */
  rawUrl: string;
}

export type AuthVerdict = { ok: true } | { ok: false; status: number; message: string };

function hmac(digest: "sha1" | "sha256", key: string, text: string): Buffer {
  return createHmac(digest, key).update(text, "utf8").digest();
}

export function verifyApiAuth(input: IncomingAuth, creds: SimCredentials, nowMs: number, signatureFailureStatus = 401): AuthVerdict {
  const match = AUTH_HEADER.exec(input.authorization?.trim() ?? "");
  if (!match) return { ok: false, status: 401, message: MESSAGES.malformedHeader };
  const [, digestName, accessId, signature] = match;
  if (accessId !== creds.accessId) return { ok: false, status: 401, message: MESSAGES.unknownClient };

  const date = input.date ?? "";
  const dateMs = RFC1123.test(date) ? Date.parse(date) : Number.NaN;
  if (Number.isNaN(dateMs) || Math.abs(nowMs - dateMs) > MAX_SKEW_MS) return { ok: false, status: 401, message: MESSAGES.badDate };

  const canonical = [input.contentType ?? "", input.contentMd5 ?? "", input.rawUrl, date].join(",");
  const expected = hmac(digestName?.toUpperCase() === "SHA256" ? "sha256" : "sha1", creds.secretKey, canonical);
  const given = Buffer.from(signature ?? "", "base64");
  // Re-encoding catches signatures that only decode to the right bytes (e.g. missing padding).
  const exact = given.toString("base64") === signature;
  if (!exact || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, status: signatureFailureStatus, message: MESSAGES.badSignature };
  }
  return { ok: true };
}

/** Kipu wants `app_id` (the recipient id) as a query parameter on every request. */
export function verifyAppId(query: URLSearchParams, creds: SimCredentials): AuthVerdict {
  return query.get("app_id") === creds.appId ? { ok: true } : { ok: false, status: 403, message: MESSAGES.badRecipient };
}

export function verifyAccept(accept: string | undefined): AuthVerdict {
  const parts = (accept ?? "").split(",").map((s) => s.replace(/\s+/g, "").toLowerCase());
  return parts.includes("application/vnd.kipusystems+json;version=3") ? { ok: true } : { ok: false, status: 406, message: MESSAGES.badAccept };
}
