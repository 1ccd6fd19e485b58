import type { ScopedDb } from "@orchestrator/db";
import { createBusinessCalendar, DEFAULT_AT_RISK_SHARE, type BusinessCalendar, type PriorityTarget, type PriorityTargets } from "../sla";
import type { SlaCondition } from "../validate-sla";

/** A compiled SLA policy: what `computeTicketSla` needs, plus which statuses pause it. */
export interface SlaPolicy {
  name: string;
  calendar: BusinessCalendar;
  targets: PriorityTargets;
  /** Status names that pause the resolution clock; null = every status of the Paused category. */
  pauseOn: ReadonlySet<string> | null;
  atRiskShare: number;
}

const SLA = "HD Service Level Agreement";

function matches(conditions: unknown, ticket: Readonly<Record<string, unknown>>): boolean {
  if (!Array.isArray(conditions) || !conditions.length) return false;
  return (conditions as SlaCondition[]).every((c) => typeof ticket[c.field] === "string" && c.values.includes(ticket[c.field] as string));
}

/**
 * The SLA a ticket falls under: the first enabled policy (by name) whose conditions all match, else
 * the enabled default, else none.
 */
export async function findPolicyName(scoped: ScopedDb, ticket: Readonly<Record<string, unknown>>): Promise<string | null> {
  const rows = await scoped.list(SLA, { fields: ["name", "is_default", "conditions"], filters: [{ field: "enabled", operator: "=", value: 1 }], orderBy: [{ field: "name", direction: "asc" }], limit: 0 });
  const specific = rows.find((r) => !r.is_default && matches(r.conditions, ticket));
  const chosen = specific ?? rows.find((r) => r.is_default === 1);
  return chosen ? String(chosen.name) : null;
}

/** Loads and compiles a policy (validated when it was saved). */
export async function loadPolicy(scoped: ScopedDb, name: string): Promise<SlaPolicy> {
  const doc = await scoped.get(SLA, name);
  const rows = (doc.priorities ?? []) as Record<string, unknown>[];
  const targets = new Map<string, PriorityTarget>(rows.map((r) => [String(r.priority), { priority: String(r.priority), responseMinutes: Number(r.response_minutes), resolutionMinutes: Number(r.resolution_minutes) }]));
  const pauseOn = Array.isArray(doc.pause_on) && doc.pause_on.length ? new Set((doc.pause_on as unknown[]).map(String)) : null;
  const percent = typeof doc.at_risk_percent === "number" ? doc.at_risk_percent : DEFAULT_AT_RISK_SHARE * 100;
  return { name, calendar: createBusinessCalendar(doc.calendar as Parameters<typeof createBusinessCalendar>[0]), targets, pauseOn, atRiskShare: percent / 100 };
}
