import { AppError, type ScopedDb, type ValidateEvent } from "@orchestrator/db";
import { users } from "@orchestrator/db/schema";
import { inArray } from "drizzle-orm";

/**
 * `@` followed by a user's e-mail address (`@ana@acme.example`), at the start or after a space or
 * punctuation (so `x@y.z` alone, an address in the text, is not a mention).
 */
const MENTION = /(^|[\s(,;:[{])@([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g;

/** The distinct users a note mentions, lower-cased, in order of first mention. */
export function parseMentions(content: string): string[] {
  const out: string[] = [];
  for (const m of content.matchAll(MENTION)) {
    const user = m[2]!.replace(/[.]+$/, "").toLowerCase();
    if (!out.includes(user)) out.push(user);
  }
  return out;
}

/**
 * The mentions of a new internal note: each must be an enabled user (otherwise the note is refused
 * with the unknown ones under `content`); each mentioned user other than the author gets an
 * `HD Notification` (kind mention), written with the note in its transaction. Returns the users for
 * the note's `mentions` field.
 */
export async function applyMentions(scoped: ScopedDb, ticket: Readonly<Record<string, unknown>> & { name: string }, event: ValidateEvent): Promise<string[]> {
  const mentioned = parseMentions(String(event.doc.content ?? ""));
  if (!mentioned.length) return [];
  // Existence only, like a link check: nothing about the users is read into the note.
  const found = await scoped.bookkeepingExecutor().select({ name: users.name, enabled: users.enabled }).from(users).where(inArray(users.name, mentioned));
  const known = new Set(found.filter((u) => u.enabled).map((u) => u.name.toLowerCase()));
  const unknown = mentioned.filter((u) => !known.has(u));
  if (unknown.length) throw AppError.validation([{ field: "content", message: `Unknown user${unknown.length > 1 ? "s" : ""} mentioned: ${unknown.map((u) => `@${u}`).join(", ")}` }]);
  const canonical = mentioned.map((m) => found.find((u) => u.name.toLowerCase() === m)!.name);
  const author = scoped.principal.user;
  for (const user of canonical) {
    if (user === author) continue;
    await scoped.insert("HD Notification", { for_user: user, ticket: ticket.name, department: ticket.department, kind: "mention", subject: `${author} mentioned you on ${ticket.name}: ${String(ticket.subject ?? "")}`.slice(0, 500), email_status: "none" });
  }
  return canonical;
}
