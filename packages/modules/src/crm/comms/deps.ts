import { env } from "./env";
import { smsProviderFromEnv } from "./factory";
import type { SmsProvider } from "./provider";

/** What sending a text or placing a call needs besides the data: the provider and our URLs. */
export interface CommsDeps {
  provider: SmsProvider;
  /** SMS_STATUS_CALLBACK_URL: the public URL of `orchestrator.crm.sms_status`; none: no callbacks. */
  statusCallbackUrl?: string | undefined;
  /** CRM_CALL_TWIML_URL: what an answered call runs. */
  callTwimlUrl?: string | undefined;
  /** Our sending number (recorded on the log), when the provider has one. */
  from?: string | undefined;
}

let provider: SmsProvider | null = null;

/** The configured provider (made once per process: the log-only one keeps its memory) and settings. */
export function commsDeps(): CommsDeps {
  provider ??= smsProviderFromEnv();
  return { provider, statusCallbackUrl: env.SMS_STATUS_CALLBACK_URL, callTwimlUrl: env.CRM_CALL_TWIML_URL, from: env.SMS_PROVIDER === "twilio" ? env.TWILIO_FROM : undefined };
}

/**
 * The status callback URL of one log: the public URL with `log=<name>`, so a callback finds its row
 * even if it arrives before the provider's id was saved (Twilio signs the URL with its query).
 */
export function statusCallbackUrlFor(base: string | undefined, log: string): string | undefined {
  if (!base) return undefined;
  const url = new URL(base);
  url.searchParams.set("log", log);
  return url.toString();
}

/** The URL the provider called and signed: the public base with the query the request came with. */
export function publicCallbackUrl(base: string, requestUrl: string): string {
  const url = new URL(base);
  url.search = new URL(requestUrl).search;
  return url.toString();
}
