import { AppError, AppErrorCode } from "@orchestrator/db";

/**
 * Twilio error codes (https://www.twilio.com/docs/errors) that are about one input of ours, and the
 * field they belong to. Our own messages, not Twilio's: Twilio's quote the phone number, and an
 * AppError message can end up in a log line.
 */
const FIELD_ERRORS: Record<number, { field: string; message: string }> = {
  21211: { field: "to", message: "is not a valid phone number" },
  21604: { field: "to", message: "is required" },
  21201: { field: "to", message: "is required" },
  21610: { field: "to", message: "has unsubscribed from our messages (replied STOP)" },
  21614: { field: "to", message: "cannot receive text messages" },
  21612: { field: "to", message: "cannot be reached from our number" },
  21408: { field: "to", message: "is in a region we may not send to" },
  21212: { field: "from", message: "is not a valid sender number" },
  21603: { field: "from", message: "is required" },
  21213: { field: "from", message: "is required" },
  21606: { field: "from", message: "is not one of our account's numbers" },
  21602: { field: "body", message: "is required" },
  21617: { field: "body", message: "is longer than 1600 characters" },
  21609: { field: "status_callback_url", message: "is not a valid URL" },
  21205: { field: "twiml_url", message: "is missing or not a valid URL" },
};

/** A failure of the provider itself (credentials, outage, rate limit, unexpected answer): not the user's input. */
export class SmsProviderError extends AppError {
  constructor(
    code: AppErrorCode,
    message: string,
    readonly httpStatus: number | null,
    readonly twilioCode: number | null,
    readonly retryable: boolean,
    options: { retryAfter?: number; cause?: unknown } = {},
  ) {
    super(code, message, options);
    this.name = "SmsProviderError";
  }
}

/** Twilio's error body, if the text is one: `{code, message, more_info, status}`. */
export function twilioErrorCode(text: string): number | null {
  try {
    const body = JSON.parse(text) as { code?: unknown };
    return typeof body.code === "number" ? body.code : null;
  } catch {
    return null;
  }
}

/** The AppError for a final (not retried, or out of retries) error answer. */
export function mapTwilioError(status: number, code: number | null, retryAfterSeconds?: number): AppError {
  const field = code === null ? undefined : FIELD_ERRORS[code];
  if (field) return new AppError(AppErrorCode.Validation, `${field.field}: ${field.message}`, { fieldErrors: [{ field: field.field, message: `${field.message} (Twilio ${code})` }] });
  const tag = `HTTP ${status}${code === null ? "" : `, Twilio ${code}`}`;
  if (status === 401 || status === 403) return new SmsProviderError(AppErrorCode.Internal, `The SMS provider refused our credentials (${tag}): check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN`, status, code, false);
  if (status === 429) return new SmsProviderError(AppErrorCode.RateLimited, `The SMS provider is rate limiting us (${tag})`, status, code, true, retryAfterSeconds === undefined ? {} : { retryAfter: retryAfterSeconds });
  if (status >= 500) return new SmsProviderError(AppErrorCode.Internal, `The SMS provider is unavailable (${tag})`, status, code, true);
  return new SmsProviderError(AppErrorCode.Internal, `The SMS provider refused the request (${tag})`, status, code, false);
}
