import { AppError, type ScopedDb, type ValidateEvent } from "@orchestrator/db";
import { toTimestamp } from "./sla-fields";

/**
 * `HD Ticket Comment`'s validate: the comment carries its ticket's department (its scope), its author
 * is the writer, and the first agent reply sets the ticket's `first_responded_on` (which stops the
 * response clock) in the same transaction.
 */
export async function validateComment(scoped: ScopedDb, event: ValidateEvent): Promise<Record<string, unknown>> {
  if (event.action === "update") {
    if (event.changed.some((f) => f === "ticket" || f === "comment_type")) throw AppError.validation([{ field: "ticket", message: "A comment cannot move to another ticket or change its type" }]);
    return {};
  }
  const ticket = await scoped.get("HD Ticket", String(event.doc.ticket));
  if (ticket.department !== event.doc.department) throw AppError.validation([{ field: "department", message: `A comment takes its ticket's department (${String(ticket.department)})` }]);
  if (event.doc.comment_type === "Reply" && !ticket.first_responded_on) {
    await scoped.update("HD Ticket", ticket.name, {}, { serverValues: { first_responded_on: toTimestamp(Date.now()) } });
  }
  return { commented_by: scoped.principal.user };
}
