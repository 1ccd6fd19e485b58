import { AppError, type FieldIssue, type ScopedDb, type ValidateEvent } from "@orchestrator/db";
import { calendarDefinitionSchema, priorityTargetsSchema } from "./sla";
import { issuesAt } from "./field-issues";

/** Ticket fields an SLA condition may test. */
export const SLA_CONDITION_FIELDS = { agent_group: "HD Team", ticket_type: "HD Ticket Type", priority: "HD Ticket Priority", customer: null } as const;
export type SlaConditionField = keyof typeof SLA_CONDITION_FIELDS;
export interface SlaCondition {
  field: SlaConditionField;
  values: string[];
}

const targetFieldNames: Record<string, string> = { responseMinutes: "response_minutes", resolutionMinutes: "resolution_minutes" };

async function names(scoped: ScopedDb, doctype: string): Promise<string[]> {
  return (await scoped.list(doctype, { fields: ["name"], limit: 0 })).map((r) => String(r.name));
}

/** Issues of a `[{ field, values }]` condition list on the ticket fields `allowed` (field → DocType of its values, null = free text). */
export async function conditionIssues(scoped: ScopedDb, raw: unknown, allowed: Readonly<Record<string, string | null>> = SLA_CONDITION_FIELDS): Promise<FieldIssue[]> {
  if (raw === null || raw === undefined) return [];
  if (!Array.isArray(raw)) return [{ field: "conditions", message: "Conditions must be a list of {field, values}" }];
  const issues: FieldIssue[] = [];
  for (const [i, c] of (raw as unknown[]).entries()) {
    const at = `conditions[${i}]`;
    const { field, values } = (typeof c === "object" && c !== null ? c : {}) as { field?: unknown; values?: unknown };
    if (typeof field !== "string" || !(field in allowed)) {
      issues.push({ field: `${at}.field`, message: `Condition on unknown field ${JSON.stringify(field ?? null)} (use ${Object.keys(allowed).join(", ")})` });
      continue;
    }
    if (!Array.isArray(values) || !values.length || !values.every((v) => typeof v === "string" && v.trim())) {
      issues.push({ field: `${at}.values`, message: `Condition on ${field}: list at least one value` });
      continue;
    }
    const doctype = allowed[field];
    if (!doctype) continue;
    const known = new Set(await names(scoped, doctype));
    const unknown = (values as string[]).filter((v) => !known.has(v));
    if (unknown.length) issues.push({ field: `${at}.values`, message: `Condition on ${field}: ${doctype} ${unknown.join(", ")} not found` });
  }
  return issues;
}

async function pauseOnIssues(scoped: ScopedDb, raw: unknown): Promise<FieldIssue[]> {
  if (raw === null || raw === undefined) return [];
  if (!Array.isArray(raw) || !raw.every((v) => typeof v === "string")) return [{ field: "pause_on", message: "Pause on must be a list of status names" }];
  const statuses = new Map((await scoped.list("HD Ticket Status", { fields: ["name", "category"], limit: 0 })).map((r) => [String(r.name), String(r.category)]));
  return (raw as string[]).flatMap((name, i) => {
    const category = statuses.get(name);
    if (!category) return [{ field: `pause_on[${i}]`, message: `Status ${name} not found` }];
    if (category === "Resolved" || category === "Closed") return [{ field: `pause_on[${i}]`, message: `Status ${name} is in category ${category}: resolution already stops the clock` }];
    return [];
  });
}

/**
 * `HD Service Level Agreement`'s rules: a valid calendar (zone, non-overlapping hours), targets for
 * every ticket priority with the first response within the resolution target, conditions on known
 * ticket fields and values, known pause statuses, an at-risk share between 1 and 100 %. All problems
 * are reported together, each under its field.
 */
export async function validateSla(scoped: ScopedDb, event: ValidateEvent): Promise<void> {
  const issues: FieldIssue[] = [];
  const calendar = calendarDefinitionSchema.safeParse(event.doc.calendar);
  if (!calendar.success) issues.push(...issuesAt("calendar", calendar.error.issues));
  // On an update that leaves the targets alone, the stored rows stand (checked when they were saved).
  const rows = event.children?.priorities;
  if (rows || event.action === "create") {
    const targets = priorityTargetsSchema(await names(scoped, "HD Ticket Priority")).safeParse(
      (rows ?? []).map((r) => ({ priority: r.priority, responseMinutes: r.response_minutes, resolutionMinutes: r.resolution_minutes })),
    );
    if (!targets.success) issues.push(...issuesAt("priorities", targets.error.issues, (segment) => targetFieldNames[segment] ?? segment));
  }
  issues.push(...(await conditionIssues(scoped, event.doc.conditions)));
  issues.push(...(await pauseOnIssues(scoped, event.doc.pause_on)));
  const share = event.doc.at_risk_percent;
  if (share !== undefined && share !== null && (typeof share !== "number" || share < 1 || share > 100)) issues.push({ field: "at_risk_percent", message: "At risk share must be between 1 and 100 (%)" });
  if (issues.length) throw AppError.validation(issues);
}
