import { TRPCClientError } from "@trpc/client";

/** Field path → message, paths as the server's validators write them (`priorities[1].response_minutes`). */
export type FieldErrors = Record<string, string>;

export type SaveFailure =
  | { kind: "fields"; fields: FieldErrors; message: string }
  | { kind: "conflict"; message: string }
  | { kind: "forbidden"; message: string }
  | { kind: "other"; message: string };

/**
 * One spelling for field paths: the DocType hooks write `calendar.workingHours.monday[1]`, while a
 * request refused by a procedure's zod input comes back as `calendar.workingHours.monday.1`.
 */
export function normalizeFieldPath(path: string): string {
  return path.replace(/\.(\d+)(?=\.|$)/g, "[$1]");
}

/** What went wrong with a save, in the terms the editor reacts to. */
export function describeSaveError(error: unknown): SaveFailure {
  const data: unknown = error instanceof TRPCClientError ? error.data : undefined;
  const info = (data && typeof data === "object" ? data : {}) as { code?: string; appCode?: string | null; fieldErrors?: { field: string; message: string }[] };
  const message = error instanceof Error ? error.message : "The change could not be saved";
  if (info.code === "CONFLICT" && info.appCode !== "DUPLICATE") return { kind: "conflict", message };
  if (info.code === "FORBIDDEN") return { kind: "forbidden", message: "You may look at the helpdesk settings but not change them." };
  const list = info.fieldErrors ?? [];
  if (list.length) {
    const fields: FieldErrors = {};
    for (const f of list) {
      const path = normalizeFieldPath(f.field);
      fields[path] = fields[path] ? `${fields[path]} ${f.message}` : f.message;
    }
    return { kind: "fields", fields, message };
  }
  if (info.code === "CONFLICT") return { kind: "other", message: "Someone saved the same thing at the same moment. Try again." };
  if (info.code === "BAD_REQUEST") return { kind: "other", message };
  return { kind: "other", message: "The change could not be saved. Check your connection and try again; your changes are still here." };
}

/** The errors at `path` itself and below it (`calendar` → `calendar.timeZone`, `calendar.holidays[0].date`). */
export function errorsUnder(errors: FieldErrors, path: string): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([p]) => p === path || p.startsWith(`${path}.`) || p.startsWith(`${path}[`)));
}
