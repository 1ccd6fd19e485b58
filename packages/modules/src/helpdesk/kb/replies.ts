import { and, asc, like, sql, type SQL } from "drizzle-orm";
import { hdCannedResponses as c } from "@orchestrator/db/schema";
import type { Doc, ScopedDb } from "@orchestrator/db";
import type { ReplyRow } from "./schemas";

const REPLY = "HD Canned Response";
const MAX_REPLIES = 500;

const teamsOf = (value: unknown): string[] => {
  const parsed: unknown = typeof value === "string" ? safeJson(value) : value;
  return Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === "string") : [];
};
function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * Saved replies, by title. With `team`, those for that team: listed for it, or for every team
 * (`teams` empty). Staff only: for a portal contact the DocType opens nothing, so the list is empty.
 */
export async function listReplies(scoped: ScopedDb, input: { team?: string | undefined; search?: string | undefined }): Promise<ReplyRow[]> {
  const conditions: SQL[] = [];
  if (input.team) conditions.push(sql`(${c.teams} IS NULL OR JSON_LENGTH(${c.teams}) = 0 OR JSON_CONTAINS(${c.teams}, JSON_QUOTE(${input.team})))`);
  if (input.search) conditions.push(like(c.title, `%${input.search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`));
  const rows = await scoped.selectScoped<{ name: string; title: string; message: string; teams: unknown; modified: string }>(
    REPLY,
    { name: c.name, title: c.title, message: c.message, teams: c.teams, modified: c.modified },
    conditions.length ? and(...conditions) : undefined,
    { orderBy: [asc(c.title), asc(c.name)], limit: MAX_REPLIES },
  );
  return rows.map((r) => ({ ...r, teams: teamsOf(r.teams) }));
}

export interface ReplyInput {
  title?: string | undefined;
  message?: string | undefined;
  teams?: string[] | undefined;
}

export function createReply(scoped: ScopedDb, input: ReplyInput): Promise<Doc> {
  return scoped.insert(REPLY, input);
}

export function updateReply(scoped: ScopedDb, name: string, changes: ReplyInput, modified: string): Promise<Doc> {
  return scoped.update(REPLY, name, changes, { expectedModified: modified });
}

export function deleteReply(scoped: ScopedDb, name: string): Promise<void> {
  return scoped.delete(REPLY, name);
}

/** A stored saved reply as the router returns it. */
export function toReplyRow(doc: Doc): ReplyRow {
  return { name: doc.name, title: String(doc.title ?? ""), message: String(doc.message ?? ""), teams: teamsOf(doc.teams), modified: String(doc.modified) };
}

/** Team names, for the saved replies' team filter and editor (helpdesk readers see every team). */
export async function listTeamNames(scoped: ScopedDb): Promise<string[]> {
  const rows = await scoped.list("HD Team", { fields: ["name"], orderBy: [{ field: "name", direction: "asc" }], limit: 0 });
  return rows.map((r) => String(r.name));
}
