// Status meanings from Kipu's documented response codes (401 "Authentication signature was missing or
// incorrect", 403 "access is not allowed", 404, 410 "The resource is gone", 422, 500, 502 "services are
// down or being upgraded", 503 "overloaded", 504) in "KIPU API Documentation" as mirrored in public Kipu
// integrations; the `{"errors": "...", "status_code": n}` body as recorded from the live API in a public
// Kipu client's tests. 429 is not in Kipu's list; we treat it per RFC 6585 / RFC 9110 (Retry-After).
/**
 * Typed Kipu failures. What they carry is safe to log and store: the HTTP status, the endpoint as a
 * path template without query string (no app_id, no patient ids), Kipu's own error message (trimmed),
 * the attempt count. Never the signature, the secret, the app_id, or patient data.
 */

export type KipuErrorKind = "auth" | "forbidden" | "gone" | "not_found" | "rate_limited" | "server" | "timeout" | "network" | "request" | "protocol";

export abstract class KipuError extends Error {
  abstract readonly kind: KipuErrorKind;
  /** Worth another attempt later (the client already retried up to maxRetries). */
  abstract readonly retryable: boolean;
  constructor(
    readonly endpoint: string,
    readonly status: number | null,
    readonly kipuMessage: string | null,
    readonly attempts: number,
    detail?: string,
  ) {
    super(`Kipu ${status ?? "request"} on ${endpoint}${kipuMessage ? `: ${kipuMessage}` : detail ? `: ${detail}` : ""}`);
    this.name = new.target.name;
  }

  /** A log- and DB-safe summary. */
  toJSON(): { kind: KipuErrorKind; status: number | null; endpoint: string; message: string | null; attempts: number } {
    return { kind: this.kind, status: this.status, endpoint: this.endpoint, message: this.kipuMessage, attempts: this.attempts };
  }
}

/** 401: the signature, access id or Date is wrong. Never retried: the next attempt would fail the same way. */
export class KipuAuthError extends KipuError {
  readonly kind = "auth";
  readonly retryable = false;
}

/** 403: access refused (e.g. unknown app_id). The source should stop and alert an admin. */
export class KipuForbiddenError extends KipuError {
  readonly kind = "forbidden";
  readonly retryable = false;
}

/** 410: this endpoint is gone for this account; disable it rather than calling it again. */
export class KipuGoneError extends KipuError {
  readonly kind = "gone";
  readonly retryable = false;
}

export class KipuNotFoundError extends KipuError {
  readonly kind = "not_found";
  readonly retryable = false;
}

/** 429 that outlasted the retries (or asked to wait longer than allowed); `retryAfterMs` says when to come back. */
export class KipuRateLimitError extends KipuError {
  readonly kind = "rate_limited";
  readonly retryable = true;
  constructor(endpoint: string, kipuMessage: string | null, attempts: number, readonly retryAfterMs: number | null) {
    super(endpoint, 429, kipuMessage, attempts);
  }
}

/** 500/502/503/504 that outlasted the retries. */
export class KipuServerError extends KipuError {
  readonly kind = "server";
  readonly retryable = true;
}

export class KipuTimeoutError extends KipuError {
  readonly kind = "timeout";
  readonly retryable = true;
}

/** The connection failed (refused, reset, DNS). */
export class KipuNetworkError extends KipuError {
  readonly kind = "network";
  readonly retryable = true;
}

/** Another 4xx: our request is wrong (bad parameter, unsupported Accept). */
export class KipuRequestError extends KipuError {
  readonly kind = "request";
  readonly retryable = false;
}

/** A 2xx whose body is not what Kipu sends (not JSON, no pagination object, …). */
export class KipuProtocolError extends KipuError {
  readonly kind = "protocol";
  readonly retryable = false;
}

const MAX_MESSAGE = 200;

/**
 * Kipu's message from an error body: `{"errors": "…"}` (observed), `{"error": "…"}` or `{"errors": ["…"]}`.
 * HTML and other bodies yield null: a gateway page is no message, and arbitrary text could carry data.
 */
export function kipuMessageFrom(body: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== "object") return null;
  const record = parsed as Record<string, unknown>;
  const raw = record.errors ?? record.error ?? record.message;
  const text = typeof raw === "string" ? raw : Array.isArray(raw) ? raw.filter((x) => typeof x === "string").join("; ") : null;
  if (!text) return null;
  const clean = text.replace(/\s+/g, " ").trim();
  return clean.length > MAX_MESSAGE ? `${clean.slice(0, MAX_MESSAGE)}…` : clean;
}
