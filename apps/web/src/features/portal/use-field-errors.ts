import { errorDetails } from "~/trpc/error-code";

/** A mutation error as a map of field → message, plus what is left for a form-level message. */
export function fieldErrorsOf(error: unknown): { fields: Record<string, string>; message: string | null } {
  if (!error) return { fields: {}, message: null };
  const details = errorDetails(error);
  const fields = Object.fromEntries(details.fieldErrors.map((f) => [f.field, f.message]));
  return { fields, message: details.fieldErrors.length ? null : details.message };
}
