import { createHash, createHmac } from "node:crypto";

/**
 * Kipu's request signing (API v3): the api_auth scheme.
 *   Authorization: APIAuth <access_id>:<signature>
 *   signature = Base64(HMAC-SHA1(secret_key, canonical))
 *   canonical = "<content-type>,<content-md5>,<request-uri>,<date>"  — on GET: ",,<request-uri>,<date>"
 *   request-uri = the path plus its exact query string, byte for byte what is sent
 *   date        = the RFC 1123 `Date` header, e.g. "Thu, 07 Nov 2019 20:08:59 GMT"
 * Sources: "KIPU API Documentation" (Kipu's v3 authentication page, mirrored in public Kipu integrations on
 * GitHub, e.g. a `KIPU API Documentation` markdown with the GET example
 * ",,/api/patients/census?phi_level=high&app_id=…,Thu, 07 Nov 2019 20:08:59 GMT"); pypi kipu-python 0.0.1
 * `kipu/auth.py`; mgomes/api_auth `lib/api_auth/{headers,configuration}.rb` (the gem the header format
 * comes from: `APIAuth-HMAC-SHA256` selects SHA-256).
 * Why `digest` is configurable: the v3 docs say HMAC-SHA1, but a public Kipu client reports that Kipu's
 * own published worked example (secret "test_secret_key") only reproduces with HMAC-SHA256 under the
 * `APIAuth-HMAC-SHA256` scheme. SHA-1 stays the default; switch per tenant if Kipu answers 401/403.
 */

export type KipuDigest = "sha1" | "sha256";

export interface CanonicalParts {
  /** Empty on GET. */
  contentType?: string;
  /** Base64 MD5 of the body; empty on GET. */
  contentMd5?: string;
  /** Path and exact query string, e.g. "/api/patients/census?phi_level=high&app_id=…". */
  requestUri: string;
  /** The Date header value (RFC 1123). */
  date: string;
}

export function canonicalString(parts: CanonicalParts): string {
  return [parts.contentType ?? "", parts.contentMd5 ?? "", parts.requestUri, parts.date].join(",");
}

export function signCanonical(secretKey: string, canonical: string, digest: KipuDigest = "sha1"): string {
  return createHmac(digest, secretKey).update(canonical, "utf8").digest("base64");
}

export function authorizationHeader(accessId: string, signature: string, digest: KipuDigest = "sha1"): string {
  return `${digest === "sha256" ? "APIAuth-HMAC-SHA256" : "APIAuth"} ${accessId}:${signature}`;
}

/** RFC 1123 date in GMT, as Kipu wants it ("Thu, 07 Nov 2019 20:08:59 GMT"). */
export function httpDate(at: Date): string {
  return at.toUTCString();
}

/** Base64 MD5 of a request body, for the Content-MD5 header of POST/PATCH. */
export function contentMd5(body: string | Buffer): string {
  return createHash("md5").update(body).digest("base64");
}

export interface SignRequest {
  accessId: string;
  secretKey: string;
  requestUri: string;
  date: Date;
  digest?: KipuDigest;
  /** Only for requests with a body. */
  body?: { contentType: string; content: string | Buffer };
}

/** The Date, Authorization (and for bodies Content-Type/Content-MD5) headers of one signed request. */
export function signedHeaders(req: SignRequest): Record<string, string> {
  const date = httpDate(req.date);
  const md5 = req.body ? contentMd5(req.body.content) : "";
  const canonical = canonicalString({ contentType: req.body?.contentType, contentMd5: md5, requestUri: req.requestUri, date });
  const headers: Record<string, string> = {
    Date: date,
    Authorization: authorizationHeader(req.accessId, signCanonical(req.secretKey, canonical, req.digest), req.digest),
  };
  if (req.body) {
    headers["Content-Type"] = req.body.contentType;
    headers["Content-MD5"] = md5;
  }
  return headers;
}

/**
 * A query string whose bytes survive URL parsing unchanged, so the signed request-uri is exactly the
 * one sent (WHATWG URL re-encodes `'` in queries, for example; encodeURIComponent leaves it raw).
 * Parameters keep the caller's order: order is part of what is signed.
 */
export function encodeQuery(params: [string, string][]): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return params.map(([k, v]) => `${enc(k)}=${enc(v)}`).join("&");
}
