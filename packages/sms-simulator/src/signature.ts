import { createHmac } from "node:crypto";

/**
 * Twilio's request signature (X-Twilio-Signature, "Webhooks security"): HMAC-SHA1 keyed with the auth
 * token over the full URL followed by every POST parameter's name and value, names sorted, no
 * separators; base64. The simulator signs its status callbacks with it.
 */
export function twilioSignature(authToken: string, url: string, params: Readonly<Record<string, string>>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => acc + key + params[key], url);
  return createHmac("sha1", authToken).update(Buffer.from(data, "utf8")).digest("base64");
}
