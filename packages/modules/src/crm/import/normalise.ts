import { parsePhoneNumberFromString } from "libphonenumber-js";

/** The key two e-mail addresses are compared by: trimmed, lower-cased. */
export function emailKey(value: string): string {
  return value.trim().toLowerCase();
}

/** The key two phone numbers are compared by: E.164 (national numbers read as US), or null when unreadable. */
export function phoneKey(value: string): string | null {
  const parsed = parsePhoneNumberFromString(value.trim(), "US");
  return parsed?.isValid() ? parsed.number : null;
}
