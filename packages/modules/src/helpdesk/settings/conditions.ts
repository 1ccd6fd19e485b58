import { type Condition } from "./schemas";
import { isRecord, stringList } from "./values";

/** Stored `[{ field, values }]` conditions (SLA, escalation rule) as the API's shape; anything else is dropped. */
export function toConditions(raw: unknown): Condition[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isRecord).map((c) => ({ field: typeof c.field === "string" ? c.field : "", values: stringList(c.values) }));
}
