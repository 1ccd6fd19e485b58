/**
 * The one error vocabulary of the platform. Thrown by the data layer and services; mapped once to
 * tRPC codes and HTTP statuses (and Frappe exception types) in @orchestrator/modules.
 */
export const AppErrorCode = {
  Unauthenticated: "UNAUTHENTICATED",
  Forbidden: "FORBIDDEN",
  NotFound: "NOT_FOUND",
  Conflict: "CONFLICT",
  Duplicate: "DUPLICATE",
  Validation: "VALIDATION",
  RateLimited: "RATE_LIMITED",
  PayloadTooLarge: "PAYLOAD_TOO_LARGE",
  Internal: "INTERNAL",
} as const;
export type AppErrorCode = (typeof AppErrorCode)[keyof typeof AppErrorCode];

export interface FieldIssue {
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors: readonly FieldIssue[];
  /** Seconds, for RATE_LIMITED. */
  readonly retryAfter: number | undefined;

  constructor(code: AppErrorCode, message: string, options: { fieldErrors?: readonly FieldIssue[]; retryAfter?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = options.fieldErrors ?? [];
    this.retryAfter = options.retryAfter;
  }

  static notFound(doctype: string, name: string): AppError {
    return new AppError(AppErrorCode.NotFound, `${doctype} ${name} not found`);
  }

  static forbidden(message: string): AppError {
    return new AppError(AppErrorCode.Forbidden, message);
  }

  static validation(fieldErrors: readonly FieldIssue[]): AppError {
    const message = fieldErrors.map((e) => `${e.field}: ${e.message}`).join("; ");
    return new AppError(AppErrorCode.Validation, message || "Invalid input", { fieldErrors });
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/**
 * A loggable summary of an unexpected error that never carries data: database errors are reduced
 * to their codes (a failed query's message repeats the SQL *and its parameters*, i.e. possibly PHI).
 */
export function safeErrorSummary(error: unknown): Record<string, string | number> {
  const out: Record<string, string | number> = { name: error instanceof Error ? error.name : typeof error };
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, errno, sqlState } = e as { code?: unknown; errno?: unknown; sqlState?: unknown };
    if (typeof code === "string") out.code = code;
    if (typeof errno === "number") out.errno = errno;
    if (typeof sqlState === "string") out.sqlState = sqlState;
  }
  const message = error instanceof Error ? error.message : String(error);
  const looksLikeSql = /failed query|insert into|select |update |delete from|params:/i.test(message) || out.errno !== undefined;
  if (!looksLikeSql) out.message = message.slice(0, 300);
  return out;
}
