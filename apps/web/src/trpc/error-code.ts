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

/** Errors a retry cannot fix: the request itself is refused. */
const permanent = new Set(["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "BAD_REQUEST", "CONFLICT", "TOO_MANY_REQUESTS", "PAYLOAD_TOO_LARGE", "PARSE_ERROR"]);

export function isRetryable(error: unknown): boolean {
  return !permanent.has(trpcErrorCode(error) ?? "");
}
