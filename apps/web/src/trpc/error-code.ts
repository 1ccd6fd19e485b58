import { TRPCClientError } from "@trpc/client";

/**
 * The tRPC error code ("UNAUTHORIZED", "NOT_FOUND", …) of an error from either side: a
 * TRPCClientError in the browser (code in `data`) or a TRPCError from a server-side call.
 */
export function trpcErrorCode(error: unknown): string | undefined {
  if (error instanceof TRPCClientError) {
    const data: unknown = error.data;
    return data && typeof data === "object" && "code" in data && typeof data.code === "string" ? data.code : undefined;
  }
  if (error && typeof error === "object" && "code" in error && typeof error.code === "string") return error.code;
  return undefined;
}

/** tRPC error details as the server's formatter sends them. */
export function errorDetails(error: unknown): { code?: string; appCode?: string; fieldErrors: { field: string; message: string }[]; message: string } {
  const data = (error as { data?: { code?: string; appCode?: string | null; fieldErrors?: { field: string; message: string }[] } } | undefined)?.data;
  return { code: data?.code, appCode: data?.appCode ?? undefined, fieldErrors: data?.fieldErrors ?? [], message: error instanceof Error ? error.message : "Something went wrong" };
}

/**
 * A create form's errors from a refused mutation: each server field error under its field (the
 * first per field), the rest — or, with none, a permission or general message — under `form`.
 */
export function formErrors<F extends string>(error: unknown, fields: readonly F[], texts: { forbidden: string; fallback: string }): Partial<Record<F | "form", string>> {
  const { fieldErrors, message, code } = errorDetails(error);
  const mapped: Partial<Record<F | "form", string>> = {};
  const other: string[] = [];
  for (const f of fieldErrors) {
    if ((fields as readonly string[]).includes(f.field)) mapped[f.field as F] ??= f.message;
    else other.push(f.message);
  }
  if (other.length) mapped.form = other.join(" ");
  if (!fieldErrors.length) mapped.form = code === "FORBIDDEN" ? texts.forbidden : message || texts.fallback;
  return mapped;
}

/** Errors a retry cannot fix: the request itself is refused. */
const permanent = new Set(["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "BAD_REQUEST", "CONFLICT", "TOO_MANY_REQUESTS", "PAYLOAD_TOO_LARGE", "PARSE_ERROR"]);

export function isRetryable(error: unknown): boolean {
  return !permanent.has(trpcErrorCode(error) ?? "");
}
