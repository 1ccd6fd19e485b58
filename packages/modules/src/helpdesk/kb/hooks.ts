import { AppError, nextTimestamp, type FieldIssue, type ScopedDb, type ValidateEvent } from "@orchestrator/db";

/** A TEXT column holds 65,535 bytes; a character limit alone lets multi-byte text overflow it. */
const TEXT_BYTES = 65_535;

const text = (value: unknown): string => (typeof value === "string" ? value : "");

/**
 * `HD Article`'s validate. Content is required to publish (a draft may be empty). Entering
 * `Published` stamps `published_on` (the latest publication) and, the first time, `author` (the
 * publisher); unpublishing or archiving keeps both, so the history of who wrote it stays.
 */
export async function validateArticle(scoped: ScopedDb, event: ValidateEvent): Promise<Record<string, unknown>> {
  const issues: FieldIssue[] = [];
  const status = typeof event.doc.status === "string" ? event.doc.status : "Draft";
  const content = text(event.doc.content);
  if (!text(event.doc.title).trim()) issues.push({ field: "title", message: "Title is required" });
  if (status === "Published" && !content.trim()) issues.push({ field: "content", message: "Content is required to publish" });
  if (Buffer.byteLength(content, "utf8") > TEXT_BYTES) issues.push({ field: "content", message: "Content is too long (at most 64 KB)" });
  if (issues.length) throw AppError.validation(issues);

  const set: Record<string, unknown> = {};
  // The column is NOT NULL: an empty draft is stored as "".
  if (event.doc.content === null || event.doc.content === undefined) set.content = "";
  if (event.action === "create" && !event.doc.status) set.status = "Draft";
  const publishing = status === "Published" && event.previous?.status !== "Published";
  if (publishing) {
    set.published_on = nextTimestamp();
    if (!event.doc.author) set.author = scoped.principal.user;
  }
  return set;
}

/** A category's name may not be blank. */
export async function validateCategory(_scoped: ScopedDb, event: ValidateEvent): Promise<void> {
  if (!text(event.doc.category_name).trim()) throw AppError.validation([{ field: "category_name", message: "Category name is required" }]);
}

/**
 * `HD Canned Response`'s validate: `teams` is a list of distinct existing HD Team names (empty or
 * absent = every team); title and message may not be blank.
 */
export async function validateCannedResponse(scoped: ScopedDb, event: ValidateEvent): Promise<Record<string, unknown> | undefined> {
  const issues: FieldIssue[] = [];
  if (!text(event.doc.title).trim()) issues.push({ field: "title", message: "Title is required" });
  if (!text(event.doc.message).trim()) issues.push({ field: "message", message: "Message is required" });
  if (Buffer.byteLength(text(event.doc.message), "utf8") > TEXT_BYTES) issues.push({ field: "message", message: "Message is too long (at most 64 KB)" });
  const teams = event.doc.teams;
  let normalized: string[] | undefined;
  if (teams !== null && teams !== undefined) {
    if (!Array.isArray(teams) || !teams.every((t) => typeof t === "string" && t.trim())) {
      issues.push({ field: "teams", message: "Teams must be a list of team names" });
    } else {
      normalized = [...new Set(teams.map((t: string) => t.trim()))];
      if (normalized.length > 100) issues.push({ field: "teams", message: "At most 100 teams" });
      else if (normalized.length) {
        const found = new Set((await scoped.list("HD Team", { fields: ["name"], filters: [{ field: "name", operator: "in", value: normalized }], limit: 0 })).map((r) => String(r.name)));
        const missing = normalized.filter((t) => !found.has(t));
        if (missing.length) issues.push({ field: "teams", message: `Team${missing.length > 1 ? "s" : ""} not found: ${missing.join(", ")}` });
      }
    }
  }
  if (issues.length) throw AppError.validation(issues);
  return normalized && JSON.stringify(normalized) !== JSON.stringify(teams) ? { teams: normalized } : undefined;
}
