import type { RouterOutputs } from "@orchestrator/modules";
import { errorDetails } from "~/trpc/error-code";

export type ArticleDoc = RouterOutputs["kb"]["get"]["article"];
export interface EditorValues {
  title: string;
  category: string;
  content: string;
}
export type EditorField = keyof EditorValues;
export type EditorErrors = Partial<Record<EditorField | "form", string>>;

export const emptyValues = (): EditorValues => ({ title: "", category: "", content: "" });
export const valuesOf = (doc: ArticleDoc): EditorValues => ({ title: doc.title, category: doc.category ?? "", content: doc.content });

/** The fields the user changed since `base`, in the procedure's shape ("" category = none). */
export function changesSince(values: EditorValues, base: EditorValues): { title?: string; category?: string | null; content?: string } {
  const out: { title?: string; category?: string | null; content?: string } = {};
  if (values.title !== base.title) out.title = values.title;
  if (values.category !== base.category) out.category = values.category || null;
  if (values.content !== base.content) out.content = values.content;
  return out;
}

/** Checks the browser can make before sending (the server checks everything again). */
export function checkLocally(values: EditorValues, publishing: boolean): EditorErrors {
  const errors: EditorErrors = {};
  if (!values.title.trim()) errors.title = "Title is required";
  else if (values.title.length > 255) errors.title = "Title must be at most 255 characters";
  if (publishing && !values.content.trim()) errors.content = "Content is required to publish";
  return errors;
}

export type SaveOutcome = { kind: "conflict" } | { kind: "errors"; errors: EditorErrors };

/** A failed save as what the editor shows: a conflict, or messages under their fields (else for the form). */
export function outcomeOf(error: unknown): SaveOutcome {
  const { appCode, fieldErrors, message } = errorDetails(error);
  // A stale `modified` (a duplicate is DUPLICATE, not CONFLICT).
  if (appCode === "CONFLICT") return { kind: "conflict" };
  const errors: EditorErrors = {};
  for (const issue of fieldErrors) {
    const field = (["title", "category", "content"] as const).find((f) => issue.field === f || issue.field.startsWith(`${f}.`)) ?? (issue.field === "status" ? "content" : undefined);
    if (field && !errors[field]) errors[field] = issue.message;
    else errors.form = errors.form ? `${errors.form}; ${issue.message}` : issue.message;
  }
  if (!Object.keys(errors).length) errors.form = appCode === "FORBIDDEN" ? "You don't have permission to change articles." : message || "The article could not be saved. Check your connection and try again; your changes are still here.";
  return { kind: "errors", errors };
}
