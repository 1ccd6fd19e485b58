import { AppError } from "@orchestrator/db";
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { checkPhone } from "../../contacts/validate-contact";

/** Twilio's limit for one (concatenated) message. */
export const MAX_SMS_CHARS = 1600;

/** A phone number as E.164, or a VALIDATION error under `field` (checked like every contact phone). */
export function toE164(value: string, field: string): string {
  const problem = checkPhone(value);
  const parsed = problem ? undefined : parsePhoneNumberFromString(value, "US");
  if (problem || !parsed) throw AppError.validation([{ field, message: problem ?? "is not a valid phone number" }]);
  return parsed.number;
}

/** The checks both providers make before anything leaves: a number we can dial and a body that fits. */
export function checkSmsInput(input: { to: string; body: string; from?: string | undefined }): { to: string; from: string | undefined; body: string } {
  const body = input.body.trim();
  if (!body) throw AppError.validation([{ field: "body", message: "The message is empty" }]);
  if (body.length > MAX_SMS_CHARS) throw AppError.validation([{ field: "body", message: `The message is longer than ${MAX_SMS_CHARS} characters` }]);
  return { to: toE164(input.to, "to"), from: input.from === undefined ? undefined : toE164(input.from, "from"), body };
}
