import { TRPCClientError } from "@trpc/client";
import { toast } from "~/components/ui/toast";

/** A readable message for a failed admin call: field errors first, else the server's message. */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const data: unknown = error.data;
    const fieldErrors = data && typeof data === "object" && "fieldErrors" in data && Array.isArray(data.fieldErrors) ? (data.fieldErrors as { field: string; message: string }[]) : [];
    if (fieldErrors.length) return fieldErrors.map((f) => `${f.field}: ${f.message}`).join("; ");
    return error.message;
  }
  return error instanceof Error ? error.message : "The change could not be saved";
}

export function toastError(error: unknown): void {
  toast.error(errorMessage(error));
}
