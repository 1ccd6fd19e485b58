import { AppError, AppErrorCode } from "@orchestrator/db";
import { z } from "zod";
import { abortableSleep, fullJitterDelay, parseRetryAfter } from "../../integrations/kipu/retry";
import type { PlaceCallInput, ProviderReceipt, SendSmsInput, SmsProvider, SmsProviderEvent, StatusCallbackRequest, StatusUpdate } from "./provider";
import { mapTwilioError, SmsProviderError, twilioErrorCode } from "./twilio-errors";
import { verifyTwilioSignature } from "./twilio-signature";
import { checkSmsInput, toE164 } from "./validate";

export const TWILIO_PRODUCTION_URL = "https://api.twilio.com";

export interface TwilioProviderOptions {
  accountSid: string;
  authToken: string;
  /** Default sender (E.164). */
  from: string;
  /** Default https://api.twilio.com; the simulator's URL in tests and the demo. */
  baseUrl?: string;
  /** Retries after the first attempt for 429 and 5xx. Default 3. */
  maxRetries?: number;
  /** Full-jitter backoff base and cap. Defaults 500 ms and 10 s. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A 429 asking to wait longer than this fails at once (RATE_LIMITED with retryAfter). Default 30 s. */
  maxRetryAfterMs?: number;
  /** Per attempt. Default 15 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  onEvent?: (event: SmsProviderEvent) => void;
}

const created = z.object({ sid: z.string().regex(/^(SM|MM|CA)[0-9a-f]{32}$/i), status: z.string().min(1) });

function readParams(params: StatusCallbackRequest["params"]): (name: string) => string | null {
  if (params instanceof URLSearchParams) return (name) => params.get(name);
  return (name) => {
    const value = params[name];
    return typeof value === "string" ? value : (value?.[0] ?? null);
  };
}

/**
 * Twilio's Programmable Messaging and Voice REST API (2010-04-01): form-encoded POSTs to
 * `/Accounts/{AccountSid}/Messages.json` and `/Calls.json` with HTTP Basic AccountSid:AuthToken.
 * 429 and 5xx are retried with full-jitter backoff (Retry-After honoured), everything else is final.
 * Timeouts and dropped connections are *not* retried: the message may have been accepted, and a text
 * sent twice is worse than one reported as failed. Nothing here logs; `onEvent` carries no data.
 */
export class TwilioProvider implements SmsProvider {
  readonly name = "twilio" as const;
  private readonly base: string;

  constructor(private readonly options: TwilioProviderOptions) {
    this.base = `${(options.baseUrl ?? TWILIO_PRODUCTION_URL).replace(/\/+$/, "")}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}`;
  }

  async sendSms(input: SendSmsInput): Promise<ProviderReceipt> {
    const { to, from, body } = checkSmsInput(input);
    const form = new URLSearchParams({ To: to, From: from ?? this.options.from, Body: body });
    if (input.statusCallbackUrl) form.set("StatusCallback", input.statusCallbackUrl);
    const result = await this.create("Messages.json", form, input.signal);
    this.options.onEvent?.({ type: "accepted", provider: "twilio", kind: "sms", sid: result.sid, status: result.status });
    return { provider: "twilio", kind: "sms", sid: result.sid, status: result.status, to };
  }

  async placeCall(input: PlaceCallInput): Promise<ProviderReceipt> {
    const to = toE164(input.to, "to");
    const from = input.from === undefined ? this.options.from : toE164(input.from, "from");
    if (!input.twimlUrl && !input.twiml) throw AppError.validation([{ field: "twiml_url", message: "What the call plays is required (a TwiML URL or TwiML)" }]);
    const form = new URLSearchParams({ To: to, From: from });
    if (input.twimlUrl) form.set("Url", input.twimlUrl);
    else if (input.twiml) form.set("Twiml", input.twiml);
    if (input.statusCallbackUrl) {
      form.set("StatusCallback", input.statusCallbackUrl);
      form.set("StatusCallbackEvent", "initiated ringing answered completed");
    }
    const result = await this.create("Calls.json", form, input.signal);
    this.options.onEvent?.({ type: "accepted", provider: "twilio", kind: "call", sid: result.sid, status: result.status });
    return { provider: "twilio", kind: "call", sid: result.sid, status: result.status, to };
  }

  parseStatusCallback(request: StatusCallbackRequest): StatusUpdate {
    if (!verifyTwilioSignature(this.options.authToken, request.url, request.params, request.signature)) throw AppError.forbidden("Invalid X-Twilio-Signature");
    const get = readParams(request.params);
    if (get("AccountSid") !== this.options.accountSid) throw AppError.forbidden("Status callback for another account");
    const messageSid = get("MessageSid");
    const callSid = get("CallSid");
    if (messageSid) {
      const status = get("MessageStatus") ?? get("SmsStatus");
      if (!status) throw AppError.validation([{ field: "MessageStatus", message: "is required" }]);
      return { kind: "sms", sid: messageSid, status, errorCode: get("ErrorCode"), durationSeconds: null };
    }
    const status = get("CallStatus");
    if (!callSid || !status) throw AppError.validation([{ field: "CallSid", message: "A status callback names a MessageSid or a CallSid with its status" }]);
    const duration = Number(get("CallDuration"));
    return { kind: "call", sid: callSid, status, errorCode: get("ErrorCode"), durationSeconds: Number.isFinite(duration) && get("CallDuration") !== null ? duration : null };
  }

  private async create(resource: string, form: URLSearchParams, signal: AbortSignal | undefined): Promise<z.infer<typeof created>> {
    const maxRetries = this.options.maxRetries ?? 3;
    const backoff = { baseDelayMs: this.options.baseDelayMs ?? 500, maxDelayMs: this.options.maxDelayMs ?? 10_000 };
    const sleep = this.options.sleep ?? abortableSleep;
    const doFetch = this.options.fetch ?? globalThis.fetch;
    const authorization = `Basic ${Buffer.from(`${this.options.accountSid}:${this.options.authToken}`).toString("base64")}`;
    for (let attempt = 0; ; attempt++) {
      const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 15_000);
      let res: Response;
      let text: string;
      try {
        res = await doFetch(`${this.base}/${resource}`, {
          method: "POST",
          headers: { authorization, accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
          body: form.toString(),
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        });
        text = await res.text();
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        this.options.onEvent?.({ type: "failed", provider: "twilio", status: null, code: null });
        throw new SmsProviderError(AppErrorCode.Internal, timeout.aborted ? "The SMS provider did not answer in time" : "Could not reach the SMS provider", null, null, true, { cause: error });
      }
      if (res.status >= 200 && res.status < 300) {
        const parsed = created.safeParse(safeJson(text));
        if (!parsed.success) throw new SmsProviderError(AppErrorCode.Internal, "The SMS provider's answer is not a Twilio resource", res.status, null, false);
        return parsed.data;
      }
      const code = twilioErrorCode(text);
      const retryAfterMs = res.status === 429 ? parseRetryAfter(res.headers.get("retry-after"), Date.now()) : null;
      const retryable = res.status === 429 || res.status >= 500;
      const tooLong = retryAfterMs !== null && retryAfterMs > (this.options.maxRetryAfterMs ?? 30_000);
      if (!retryable || attempt >= maxRetries || tooLong) {
        this.options.onEvent?.({ type: "failed", provider: "twilio", status: res.status, code });
        throw mapTwilioError(res.status, code, retryAfterMs === null ? undefined : Math.ceil(retryAfterMs / 1000));
      }
      const delayMs = Math.max(retryAfterMs ?? 0, fullJitterDelay(attempt, backoff, this.options.random ?? Math.random));
      this.options.onEvent?.({ type: "retry", provider: "twilio", attempt: attempt + 1, delayMs, status: res.status });
      await sleep(delayMs, signal);
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
