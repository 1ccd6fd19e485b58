import { AppError, type Doc, type ScopedDb } from "@orchestrator/db";
import { emailMessages } from "@orchestrator/db/schema";
import { and, eq } from "drizzle-orm";
import { logActivities } from "../tickets/activity";
import { statusCategories } from "../tickets/sla-fields";

const TICKET = "HD Ticket";

/** The first status of category Closed: where a merged ticket ends. */
async function closedStatus(scoped: ScopedDb): Promise<string> {
  const closed = [...(await statusCategories(scoped))].find(([, c]) => c === "Closed");
  if (!closed) throw AppError.validation([{ field: "status", message: "No status of category Closed is configured" }]);
  return closed[0];
}

/**
 * Merges a duplicate ticket into another, in one audited transaction: the duplicate is closed with
 * `merged_into` set, the target gets an internal note quoting it, both get a `merge` activity, and
 * e-mail threading moves to the target (a later reply to the duplicate's messages lands there).
 * The duplicate's thread stays where it is (readable through its link). Refused — nothing written —
 * for the same ticket, an already merged one, a chain (into a merged ticket), or tickets of different
 * customers (a customer's thread never joins another's).
 */
export async function mergeTickets(scoped: ScopedDb, input: { source: string; target: string }): Promise<Doc> {
  if (input.source === input.target) throw AppError.validation([{ field: "target", message: "A ticket cannot be merged into itself" }]);
  return scoped.transaction(async (tx) => {
    // Lock both in name order, so two opposite merges cannot deadlock half-way.
    const [first, second] = [input.source, input.target].sort();
    const locked = new Map<string, Doc>();
    for (const name of [first!, second!]) locked.set(name, await tx.get(TICKET, name, { forUpdate: true }));
    const source = locked.get(input.source)!;
    const target = locked.get(input.target)!;
    if (source.merged_into) throw AppError.validation([{ field: "source", message: `${source.name} was already merged into ${String(source.merged_into)}` }]);
    if (target.merged_into) throw AppError.validation([{ field: "target", message: `${target.name} was merged into ${String(target.merged_into)}; merge into that one` }]);
    if ((source.customer ?? null) !== (target.customer ?? null)) {
      throw AppError.validation([{ field: "target", message: `${target.name} belongs to ${String(target.customer ?? "no customer")}, ${source.name} to ${String(source.customer ?? "no customer")}: tickets of different customers cannot be merged` }]);
    }
    const note = `Merged ${source.name} into this ticket: “${String(source.subject)}”${source.description ? `\n\n${String(source.description)}` : ""}`;
    await tx.insert("HD Ticket Comment", { ticket: target.name, department: target.department, customer: target.customer ?? null, comment_type: "Internal Note", content: note.slice(0, 65_535) });
    const closed = await tx.update(TICKET, source.name, { status: await closedStatus(tx) }, { serverValues: { merged_into: target.name } });
    await logActivities(tx, source.name, String(source.department), [{ kind: "merge", action: `Merged into ${target.name}`, data: { into: target.name } }]);
    await logActivities(tx, target.name, String(target.department), [{ kind: "merge", action: `${source.name} merged into this ticket`, data: { from: source.name } }]);
    // Replies to the duplicate's e-mails thread onto the target from now on (derived routing data).
    await tx.bookkeepingExecutor().update(emailMessages).set({ referenceName: target.name }).where(and(eq(emailMessages.referenceDoctype, TICKET), eq(emailMessages.referenceName, source.name)));
    return closed;
  });
}
