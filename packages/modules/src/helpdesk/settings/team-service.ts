import type { ScopedDb } from "@orchestrator/db";
import { deleteDoc, saveDoc, ticketsUsing } from "./save-doc";
import type { AssignmentRuleInput, TeamDoc, TeamInput } from "./schemas";
import { childRows, intOrNull, isRecord, str, strOrNull, type Row } from "./values";

export const TEAM = "HD Team";

/** A stored rule in the editor's shape (unknown keys dropped; the assignment module re-adds `team`). */
function toRule(raw: unknown): AssignmentRuleInput | null {
  if (!isRecord(raw) || typeof raw.strategy !== "string") return null;
  const match = isRecord(raw.match) ? { ticketType: str(raw.match.ticketType) || "required", language: str(raw.match.language) || "required", tags: str(raw.match.tags) || "preferred" } : undefined;
  return {
    strategy: raw.strategy,
    maxOpenPerAgent: intOrNull(raw.maxOpenPerAgent),
    ...(typeof raw.tieBreak === "string" ? { tieBreak: raw.tieBreak } : {}),
    ...(typeof raw.fallback === "string" ? { fallback: raw.fallback } : {}),
    ...(match ? { match } : {}),
  };
}

/** Only the chosen strategy's options are stored: switching strategy in the editor leaves no stale keys. */
function ruleBody(rule: AssignmentRuleInput | null): Record<string, unknown> | null {
  if (!rule) return null;
  const common = { strategy: rule.strategy, maxOpenPerAgent: rule.maxOpenPerAgent ?? null };
  return rule.strategy === "skill_based" ? { ...common, tieBreak: rule.tieBreak, fallback: rule.fallback, match: rule.match } : common;
}

function toTeam(doc: Row): TeamDoc {
  return {
    name: str(doc.name),
    modified: str(doc.modified),
    description: strOrNull(doc.description),
    team_lead: strOrNull(doc.team_lead),
    members: childRows(doc, "users").map((r) => str(r.user)),
    assignment_rule: toRule(doc.assignment_rule),
  };
}

export async function listTeams(scoped: ScopedDb) {
  const rows = await scoped.list(TEAM, { fields: ["name", "description", "team_lead", "assignment_rule", "modified"], orderBy: [{ field: "team_name", direction: "asc" }], limit: 0 });
  const docs = await Promise.all(rows.map((r) => scoped.get(TEAM, str(r.name))));
  return rows.map((r, i) => ({ name: str(r.name), description: strOrNull(r.description), team_lead: strOrNull(r.team_lead), members: childRows(docs[i] ?? {}, "users").length, strategy: toRule(r.assignment_rule)?.strategy ?? null, modified: str(r.modified) }));
}

export async function getTeam(scoped: ScopedDb, name: string): Promise<TeamDoc> {
  return toTeam(await scoped.get(TEAM, name));
}

/** Saves a team: members replace the child table (members who stay keep their row), the rule is checked by the team's validate hook. */
export async function saveTeam(scoped: ScopedDb, input: TeamInput): Promise<TeamDoc> {
  const existing = input.modified !== undefined ? await scoped.get(TEAM, input.name) : undefined;
  const rowName = new Map(existing ? childRows(existing, "users").map((r) => [str(r.user), str(r.name)]) : []);
  const users = [...new Set(input.members)].map((user) => (rowName.has(user) ? { name: rowName.get(user), user } : { user }));
  const body: Record<string, unknown> = { description: input.description, team_lead: input.team_lead || null, assignment_rule: ruleBody(input.assignment_rule), users };
  // The name is the team's title (field naming): set once, on create.
  if (input.modified === undefined) body.team_name = input.name;
  return toTeam(await saveDoc(scoped, { doctype: TEAM, name: input.name, modified: input.modified, nameField: "name", label: "A team" }, body));
}

export async function deleteTeam(scoped: ScopedDb, name: string) {
  return deleteDoc(scoped, TEAM, name, () => ticketsUsing(scoped, "agent_group", name));
}
