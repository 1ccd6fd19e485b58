/** E.164: "+", a country code not starting with 0, at most 15 digits in all. */
const E164 = /^\+[1-9]\d{1,14}$/;

export function isE164(value: string): boolean {
  return E164.test(value);
}

/**
 * Twilio's test-credential "magic" numbers for `To`, kept so the adapter's error mapping can be
 * exercised with numbers that are valid E.164: +15005550001 invalid, +15005550004 blocked
 * (unsubscribed), +15005550009 not SMS-capable.
 */
export const MAGIC_TO = {
  invalid: "+15005550001",
  blocked: "+15005550004",
  notMobile: "+15005550009",
} as const;

/** Messages to this number go queued → sent → undelivered (error 30003), to exercise failure callbacks. */
export const UNDELIVERABLE_TO = "+15005550020";

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
