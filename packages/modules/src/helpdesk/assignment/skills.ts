import type { SkillMatch } from "./rule-schema";
import type { ItemRequirements } from "./types";

/** Skill namespaces the helpdesk derives from a ticket. Other namespaces (the CRM's `region:`, …) are free-form. */
export const SKILL_NAMESPACES = { ticketType: "type", tags: "tag", language: "lang" } as const;

/** The default mapping: type and language required, tags preferred. */
export const DEFAULT_SKILL_MATCH: SkillMatch = { ticketType: "required", language: "required", tags: "preferred" };

/**
 * A skill key in its comparable form: trimmed, lower case, no space around the namespace colon;
 * a `lang:` value is reduced to its primary language subtag (`lang:es-MX` → `lang:es`).
 * Returns "" for a blank key, which matches nothing.
 */
export function normalizeSkill(raw: string): string {
  const text = raw.trim().toLowerCase().replace(/\s+/g, " ");
  const colon = text.indexOf(":");
  if (colon < 0) return text;
  const namespace = text.slice(0, colon).trim();
  let value = text.slice(colon + 1).trim();
  if (namespace === SKILL_NAMESPACES.language) value = value.split(/[-_]/)[0] ?? "";
  return value === "" ? "" : `${namespace}:${value}`;
}

/** `skillKey("type", "Billing")` → `type:billing`. */
export function skillKey(namespace: string, value: string): string {
  return normalizeSkill(`${namespace}:${value}`);
}

/** A set of normalized keys, blanks dropped. */
export function skillSet(skills: Iterable<string>): Set<string> {
  const set = new Set<string>();
  for (const skill of skills) {
    const key = normalizeSkill(skill);
    if (key !== "") set.add(key);
  }
  return set;
}

/** The attributes of a ticket that skill-based assignment looks at. */
export interface TicketSkillFacts {
  readonly ticketType?: string | null;
  readonly tags?: readonly string[] | null;
  /** A BCP 47 tag or a plain code ("es", "es-MX"). */
  readonly language?: string | null;
}

/**
 * A ticket's requirements under a rule's skill match: each attribute becomes `type:…`, `tag:…`,
 * `lang:…` keys, put in `required` or `preferred` (or dropped) as `match` says. Keys come out
 * normalized, deduplicated and sorted, so equal tickets give equal requirements.
 */
export function ticketRequirements(ticket: TicketSkillFacts, match: SkillMatch = DEFAULT_SKILL_MATCH): ItemRequirements {
  const required = new Set<string>();
  const preferred = new Set<string>();
  const add = (mode: SkillMatch[keyof SkillMatch], namespace: string, values: readonly string[]) => {
    if (mode === "ignore") return;
    for (const value of values) {
      const key = skillKey(namespace, value);
      if (key !== "") (mode === "required" ? required : preferred).add(key);
    }
  };
  add(match.ticketType, SKILL_NAMESPACES.ticketType, ticket.ticketType ? [ticket.ticketType] : []);
  add(match.language, SKILL_NAMESPACES.language, ticket.language ? [ticket.language] : []);
  add(match.tags, SKILL_NAMESPACES.tags, ticket.tags ?? []);
  for (const key of required) preferred.delete(key);
  return { required: [...required].sort(), preferred: [...preferred].sort() };
}
