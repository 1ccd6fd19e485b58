import { createHmac, timingSafeEqual } from "node:crypto";

type Params = URLSearchParams | Readonly<Record<string, string | readonly string[]>>;

function entries(params: Params): [string, string[]][] {
  const out = new Map<string, string[]>();
  const add = (key: string, value: string) => out.set(key, [...(out.get(key) ?? []), value]);
  if (params instanceof URLSearchParams) for (const [k, v] of params) add(k, v);
  else for (const [k, v] of Object.entries(params)) for (const one of typeof v === "string" ? [v] : v) add(k, one);
  return [...out.entries()];
}

/**
 * X-Twilio-Signature ("Webhooks security"): base64 HMAC-SHA1, keyed with the auth token, of the full
 * URL Twilio called followed by each POST parameter's name and value, names sorted; a repeated name
 * contributes once per value, values sorted (as twilio-node does; Twilio's own callbacks repeat no name).
 */
export function computeTwilioSignature(authToken: string, url: string, params: Params): string {
  let data = url;
  for (const [key, values] of entries(params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    for (const value of [...values].sort()) data += key + value;
  }
  return createHmac("sha1", authToken).update(Buffer.from(data, "utf8")).digest("base64");
}

/** Constant-time check of a received signature; false for a missing or malformed one. */
export function verifyTwilioSignature(authToken: string, url: string, params: Params, signature: string | null | undefined): boolean {
  if (!signature) return false;
  const expected = Buffer.from(computeTwilioSignature(authToken, url, params));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
