import type { ScopedDb } from "@orchestrator/db";
import { WEEKDAYS } from "../sla";
import { validateSla } from "../validate-sla";
import { toConditions } from "./conditions";
import { deleteDoc, saveDoc, ticketsUsing } from "./save-doc";
import type { Calendar, SlaDoc, SlaInput } from "./schemas";
import { check, childRows, flag, intOrNull, isRecord, str, strOrNull, stringList, type Row } from "./values";

export const SLA = "HD Service Level Agreement";

/** A stored calendar as the editor's shape: every weekday present (empty = closed). */
function toCalendar(raw: unknown): Calendar {
  const c = isRecord(raw) ? raw : {};
  const hours = isRecord(c.workingHours) ? c.workingHours : {};
  const intervals = (v: unknown) => (Array.isArray(v) ? v.filter(isRecord).map((i) => ({ start: str(i.start), end: str(i.end) })) : []);
  const holidays = Array.isArray(c.holidays) ? c.holidays.filter(isRecord).map((h) => ({ date: str(h.date), ...(typeof h.description === "string" ? { description: h.description } : {}) })) : [];
  return { timeZone: str(c.timeZone) || "UTC", workingHours: Object.fromEntries(WEEKDAYS.map((d) => [d, intervals(hours[d])])), holidays };
}

function toSla(doc: Row): SlaDoc {
  return {
    name: str(doc.name),
    modified: str(doc.modified),
    description: strOrNull(doc.description),
    enabled: flag(doc.enabled),
    is_default: flag(doc.is_default),
    conditions: toConditions(doc.conditions),
    calendar: toCalendar(doc.calendar),
    pause_on: stringList(doc.pause_on),
    at_risk_percent: intOrNull(doc.at_risk_percent) ?? 75,
    priorities: childRows(doc, "priorities").map((r) => ({ name: str(r.name), priority: str(r.priority), response_minutes: intOrNull(r.response_minutes), resolution_minutes: intOrNull(r.resolution_minutes) })),
  };
}

export async function listSlas(scoped: ScopedDb) {
  const rows = await scoped.list(SLA, { fields: ["name", "description", "enabled", "is_default", "conditions", "calendar", "modified"], orderBy: [{ field: "name", direction: "asc" }], limit: 0 });
  return rows.map((r) => ({ name: str(r.name), description: strOrNull(r.description), enabled: flag(r.enabled), is_default: flag(r.is_default), conditions: toConditions(r.conditions).length, time_zone: toCalendar(r.calendar).timeZone, modified: str(r.modified) }));
}

export async function getSla(scoped: ScopedDb, name: string): Promise<SlaDoc> {
  return toSla(await scoped.get(SLA, name));
}

/**
 * Saves an SLA with its per-priority targets (the child table, replaced as a whole; rows of a
 * priority that stays keep their identity). Making it the default clears the previous default in
 * the same transaction — there is exactly one, enforced by a unique key — so a refused save changes
 * neither.
 */
export async function saveSla(scoped: ScopedDb, input: SlaInput): Promise<SlaDoc> {
  return scoped.transaction(async (tx) => {
    const existing = input.modified !== undefined ? await tx.get(SLA, input.name) : undefined;
    const rowName = new Map(existing ? childRows(existing, "priorities").map((r) => [str(r.priority), str(r.name)]) : []);
    const body = {
      description: input.description,
      enabled: check(input.enabled),
      is_default: check(input.is_default),
      conditions: input.conditions,
      calendar: input.calendar,
      pause_on: input.pause_on,
      at_risk_percent: input.at_risk_percent,
      priorities: input.priorities.map((p) => ({ ...(rowName.has(p.priority) ? { name: rowName.get(p.priority) } : {}), priority: p.priority, response_minutes: p.response_minutes, resolution_minutes: p.resolution_minutes })),
    };
    // The policy's own rules first, on the whole input: the data layer stops at its first failing
    // check (a missing target before any calendar rule); this reports every problem at once. The
    // write below runs them again, as always.
    await validateSla(tx, { action: existing ? "update" : "create", name: input.name, changed: Object.keys(body), doc: { ...body, name: input.name }, children: { priorities: body.priorities } });
    if (input.is_default) {
      const others = await tx.list(SLA, { fields: ["name"], filters: [{ field: "is_default", operator: "=", value: 1 }, { field: "name", operator: "!=", value: input.name }], limit: 0 });
      for (const other of others) await tx.update(SLA, str(other.name), { is_default: 0 });
    }
    return toSla(await saveDoc(tx, { doctype: SLA, name: input.name, modified: input.modified, nameField: "name", label: "An SLA policy" }, body));
  });
}

export async function deleteSla(scoped: ScopedDb, name: string) {
  return deleteDoc(scoped, SLA, name, () => ticketsUsing(scoped, "sla", name));
}
