import { AppError, parseTimestamp, type ScopedDb, type ValidateEvent } from "@orchestrator/db";
import { checkContactFields, str, type FieldIssue } from "./person-fields";

/** What a task, note, call or message may be about. */
export const CRM_REFERENCE_DOCTYPES = ["CRM Lead", "CRM Deal", "CRM Organization"] as const;

/**
 * A record about a lead, deal or organisation: the reference must be one the caller can read (else a
 * field error, as if it did not exist), and the record joins the reference's team when it names none,
 * so the team that sees the lead sees its history.
 */
async function referenceTeam(scoped: ScopedDb, event: ValidateEvent, issues: FieldIssue[]): Promise<Record<string, unknown>> {
  const doctype = str(event.doc.reference_doctype);
  const docname = str(event.doc.reference_docname);
  if (!event.changed.includes("reference_doctype") && !event.changed.includes("reference_docname")) return {};
  if (!doctype && !docname) return {};
  if (!doctype || !(CRM_REFERENCE_DOCTYPES as readonly string[]).includes(doctype)) {
    issues.push({ field: "reference_doctype", message: `Reference must be one of ${CRM_REFERENCE_DOCTYPES.join(", ")}` });
    return {};
  }
  if (!docname) {
    issues.push({ field: "reference_docname", message: "Reference name is required" });
    return {};
  }
  const found = await scoped.list(doctype, { filters: [{ field: "name", operator: "=", value: docname }], fields: ["name", "team"], limit: 1 });
  if (!found[0]) {
    issues.push({ field: "reference_docname", message: `${doctype} ${docname} not found` });
    return {};
  }
  return !str(event.doc.team) && found[0].team ? { team: found[0].team } : {};
}

/** `CRM Note`'s validate. */
export async function validateNote(scoped: ScopedDb, event: ValidateEvent): Promise<Record<string, unknown>> {
  const issues: FieldIssue[] = [];
  if (!str(event.doc.content)?.trim()) issues.push({ field: "content", message: "Write the note" });
  const set = await referenceTeam(scoped, event, issues);
  if (issues.length) throw AppError.validation(issues);
  return set;
}

/** `CRM Task`'s validate: assigned to its creator by default; a reminder before the due date; a moved reminder fires again. */
export async function validateTask(scoped: ScopedDb, event: ValidateEvent): Promise<Record<string, unknown>> {
  const issues: FieldIssue[] = [];
  const set = await referenceTeam(scoped, event, issues);
  const due = str(event.doc.due_date);
  const reminder = str(event.doc.reminder_at);
  if (due && reminder && (parseTimestamp(reminder) ?? 0n) > (parseTimestamp(due) ?? 0n)) issues.push({ field: "reminder_at", message: "The reminder must be before the due date" });
  if (issues.length) throw AppError.validation(issues);
  if (event.action === "create" && !str(event.doc.assigned_to)) set.assigned_to = scoped.principal.user;
  if (event.action === "update" && event.changed.includes("reminder_at")) set.reminded_on = null;
  return set;
}

/** `CRM Call Log` and `CRM SMS Log`'s validate: well-formed numbers (per field) and the reference's team. */
export async function validateCommLog(scoped: ScopedDb, event: ValidateEvent): Promise<Record<string, unknown>> {
  const issues: FieldIssue[] = [];
  const set = { ...checkContactFields(event.doc, event.changed, { phones: ["from", "to"] }, issues), ...(await referenceTeam(scoped, event, issues)) };
  if (issues.length) throw AppError.validation(issues);
  if (event.action === "create" && !str(event.doc.agent)) set.agent = scoped.principal.user;
  return set;
}
