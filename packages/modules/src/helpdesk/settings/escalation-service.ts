import type { ScopedDb } from "@orchestrator/db";
import { toConditions } from "./conditions";
import { deleteDoc, saveDoc } from "./save-doc";
import type { EscalationDoc, EscalationInput } from "./schemas";
import { check, childRows, flag, intOrNull, str, strOrNull, type Row } from "./values";

export const ESCALATION_RULE = "HD Escalation Rule";

const clockOf = (v: unknown): "response" | "resolution" => (v === "resolution" ? "resolution" : "response");

function toRule(doc: Row): EscalationDoc {
  return {
    name: str(doc.name),
    modified: str(doc.modified),
    description: strOrNull(doc.description),
    enabled: flag(doc.enabled),
    conditions: toConditions(doc.conditions),
    levels: childRows(doc, "levels").map((l) => ({
      name: str(l.name),
      trigger_clock: clockOf(l.trigger_clock),
      trigger_percent: intOrNull(l.trigger_percent),
      notify_assignee: flag(l.notify_assignee),
      notify_team_lead: flag(l.notify_team_lead),
      notify_user: strOrNull(l.notify_user),
      notify_email: flag(l.notify_email),
      reassign_team: strOrNull(l.reassign_team),
      reassign_agent: strOrNull(l.reassign_agent),
      raise_priority: strOrNull(l.raise_priority),
    })),
  };
}

export async function listEscalationRules(scoped: ScopedDb) {
  const rows = await scoped.list(ESCALATION_RULE, { fields: ["name", "description", "enabled", "modified"], orderBy: [{ field: "name", direction: "asc" }], limit: 0 });
  // Level counts live in the child table: rules are a handful, so one get per rule (in parallel) is fine.
  const docs = await Promise.all(rows.map((r) => scoped.get(ESCALATION_RULE, str(r.name))));
  return rows.map((r, i) => ({ name: str(r.name), description: strOrNull(r.description), enabled: flag(r.enabled), levels: childRows(docs[i] ?? {}, "levels").length, modified: str(r.modified) }));
}

export async function getEscalationRule(scoped: ScopedDb, name: string): Promise<EscalationDoc> {
  return toRule(await scoped.get(ESCALATION_RULE, name));
}

/** Saves a rule with its ordered levels (the order sent is the order they fire in; rows sent with their name keep it). */
export async function saveEscalationRule(scoped: ScopedDb, input: EscalationInput): Promise<EscalationDoc> {
  const body = {
    description: input.description,
    enabled: check(input.enabled),
    conditions: input.conditions,
    levels: input.levels.map((l) => ({
      ...(l.name ? { name: l.name } : {}),
      trigger_clock: l.trigger_clock,
      trigger_percent: l.trigger_percent,
      notify_assignee: check(l.notify_assignee),
      notify_team_lead: check(l.notify_team_lead),
      notify_user: l.notify_user || null,
      notify_email: check(l.notify_email),
      reassign_team: l.reassign_team || null,
      reassign_agent: l.reassign_agent || null,
      raise_priority: l.raise_priority || null,
    })),
  };
  return toRule(await saveDoc(scoped, { doctype: ESCALATION_RULE, name: input.name, modified: input.modified, nameField: "name", label: "An escalation rule" }, body));
}

export async function deleteEscalationRule(scoped: ScopedDb, name: string) {
  return deleteDoc(scoped, ESCALATION_RULE, name);
}
