import { AppError, AppErrorCode, isAppError, type FieldIssue } from "@orchestrator/db";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";

/**
 * The one mapping from AppError codes to the outside world: tRPC codes, HTTP statuses and Frappe's
 * exception types (so Frappe clients recognise the errors they already handle).
 */
export const errorMap: Record<AppErrorCode, { trpc: TRPC_ERROR_CODE_KEY; http: number; frappe: string }> = {
  [AppErrorCode.Unauthenticated]: { trpc: "UNAUTHORIZED", http: 401, frappe: "AuthenticationError" },
  [AppErrorCode.Forbidden]: { trpc: "FORBIDDEN", http: 403, frappe: "PermissionError" },
  [AppErrorCode.NotFound]: { trpc: "NOT_FOUND", http: 404, frappe: "DoesNotExistError" },
  [AppErrorCode.Conflict]: { trpc: "CONFLICT", http: 409, frappe: "TimestampMismatchError" },
  [AppErrorCode.Duplicate]: { trpc: "CONFLICT", http: 409, frappe: "DuplicateEntryError" },
  [AppErrorCode.Validation]: { trpc: "BAD_REQUEST", http: 417, frappe: "ValidationError" },
  [AppErrorCode.RateLimited]: { trpc: "TOO_MANY_REQUESTS", http: 429, frappe: "TooManyRequestsError" },
  [AppErrorCode.PayloadTooLarge]: { trpc: "PAYLOAD_TOO_LARGE", http: 413, frappe: "RequestEntityTooLarge" },
  [AppErrorCode.Internal]: { trpc: "INTERNAL_SERVER_ERROR", http: 500, frappe: "Exception" },
};

/** Any thrown value as an AppError; unknown errors become INTERNAL with a generic message (no stack leaks). */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  const cause = (error as { cause?: unknown } | undefined)?.cause;
  if (isAppError(cause)) return cause;
  return new AppError(AppErrorCode.Internal, "Internal server error", { cause: error });
}

export function validationFromZod(issues: readonly { path: readonly PropertyKey[]; message: string }[]): AppError {
  const fieldErrors: FieldIssue[] = issues.map((i) => ({ field: i.path.map(String).join(".") || "input", message: i.message }));
  return AppError.validation(fieldErrors);
}
