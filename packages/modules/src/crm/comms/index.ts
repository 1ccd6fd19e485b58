/**
 * CRM communication (issue 6): SMS and calls through a provider adapter, e-mail templates with merge
 * fields for the outbox. See README.md beside this file.
 */
export type { PlaceCallInput, ProviderReceipt, SendSmsInput, SmsProvider, SmsProviderEvent, SmsProviderName, StatusCallbackRequest, StatusUpdate } from "./provider";
export { LogOnlyProvider, type LoggedItem } from "./log-only-provider";
export { TwilioProvider, TWILIO_PRODUCTION_URL, type TwilioProviderOptions } from "./twilio-provider";
export { SmsProviderError } from "./twilio-errors";
export { computeTwilioSignature, verifyTwilioSignature } from "./twilio-signature";
export { smsProviderFromEnv } from "./factory";
export { MAX_SMS_CHARS, toE164 } from "./validate";
export { CRM_MERGE_FIELDS, checkTemplate, mergeFieldsIn, renderEmailTemplate, renderTemplate, type EmailTemplate, type MergeContext, type MergeFieldWhitelist, type TemplateEscape } from "./templates";
export { recordEmail, type RecordEmailInput } from "./record-email";
