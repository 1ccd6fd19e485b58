import { z } from "zod";
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

const email = z.email();

/** Why an e-mail address is refused, or null when it is fine. */
export function checkEmail(value: unknown): string | null {
  if (typeof value !== "string" || !value.trim()) return "E-mail is required";
  if (value.length > 140) return "E-mail is longer than 140 characters";
  return email.safeParse(value.trim()).success ? null : `${value} is not a valid e-mail address`;
}

/**
 * Why a phone number is refused, or null: international numbers (+…) for any country, national ones
 * for `defaultCountry` (US: the treatment centres' EMR is American). Checked by libphonenumber's
 * metadata (length and prefixes per country), not by a pattern of our own.
 */
export function checkPhone(value: unknown, defaultCountry: CountryCode = "US"): string | null {
  if (typeof value !== "string" || !value.trim()) return "Phone is required";
  if (value.length > 40) return "Phone is longer than 40 characters";
  const parsed = parsePhoneNumberFromString(value, defaultCountry);
  return parsed?.isValid() ? null : `${value} is not a valid phone number (use +<country code> for numbers outside the ${defaultCountry})`;
}
