/**
 * SMS and phone calls go through one provider interface, so the CRM never knows which one is
 * configured: `LogOnlyProvider` (the default: records, sends nothing) or `TwilioProvider`.
 * Receipts carry ids and statuses only; a message body or number never goes into a log line.
 */

export type SmsProviderName = "log" | "twilio";

export interface SendSmsInput {
  /** Any number libphonenumber reads (national numbers as US); sent as E.164. */
  to: string;
  body: string;
  /** Default: the provider's configured sender (TWILIO_FROM). */
  from?: string | undefined;
  /** Where the provider posts status changes (our public callback URL); none: no callbacks. */
  statusCallbackUrl?: string | undefined;
  signal?: AbortSignal | undefined;
}

export interface PlaceCallInput {
  to: string;
  from?: string | undefined;
  /** What the call does once answered: a TwiML URL, or inline TwiML. One of them is required by Twilio. */
  twimlUrl?: string | undefined;
  twiml?: string | undefined;
  statusCallbackUrl?: string | undefined;
  signal?: AbortSignal | undefined;
}

/** What the provider accepted: its id for the message or call, and the first status. */
export interface ProviderReceipt {
  provider: SmsProviderName;
  kind: "sms" | "call";
  sid: string;
  status: string;
  /** The E.164 number it goes to (for the timeline entry; not for logs). */
  to: string;
}

/** A status change the provider reported through its callback, after the signature was checked. */
export interface StatusUpdate {
  kind: "sms" | "call";
  sid: string;
  status: string;
  /** The provider's error code for failed/undelivered messages, e.g. "30003". */
  errorCode: string | null;
  /** Calls: the duration in seconds once completed. */
  durationSeconds: number | null;
}

/** A status callback as the web route received it: the exact public URL, the form fields, the signature header. */
export interface StatusCallbackRequest {
  url: string;
  params: URLSearchParams | Readonly<Record<string, string | readonly string[]>>;
  signature: string | null | undefined;
}

export interface SmsProvider {
  readonly name: SmsProviderName;
  sendSms(input: SendSmsInput): Promise<ProviderReceipt>;
  placeCall(input: PlaceCallInput): Promise<ProviderReceipt>;
  /** Verifies and reads a status callback; throws AppError FORBIDDEN when it is not genuinely the provider's. */
  parseStatusCallback(request: StatusCallbackRequest): StatusUpdate;
}

/** Events for metrics and logs: ids, statuses, codes and timings only. */
export type SmsProviderEvent =
  | { type: "accepted"; provider: SmsProviderName; kind: "sms" | "call"; sid: string; status: string }
  | { type: "retry"; provider: SmsProviderName; attempt: number; delayMs: number; status: number | null }
  | { type: "failed"; provider: SmsProviderName; status: number | null; code: number | null };
