import { AppError, isCustomerScoped, type ScopedDb, type ValidateEvent } from "@orchestrator/db";
import { statusCategories, toTimestamp } from "./sla-fields";
import { helpdeskService } from "./service-principal";
import { commentEffects } from "../automation/comment-effects";

/** The first status of category Open (by display order): where a customer's reply puts a resolved ticket. */
async function reopenStatus(scoped: ScopedDb): Promise<string | null> {
  const categories = await statusCategories(scoped);
  return [...categories].find(([, c]) => c === "Open")?.[0] ?? null;
}

/**
 * `HD Ticket Comment`'s validate: the comment carries its ticket's department and customer (its
 * scopes), its author is the writer, and its source is the portal for a portal contact. The first
 * agent reply sets the ticket's `first_responded_on` (which stops the response clock); a customer's
 * reply (portal or e-mail) stamps `last_customer_reply_on` and reopens a resolved ticket. The
 * ticket's changes are written in the same transaction, by the helpdesk service for a portal contact.
 */
export async function validateComment(scoped: ScopedDb, event: ValidateEvent): Promise<Record<string, unknown>> {
  if (event.action === "update") {
    if (event.changed.some((f) => f === "ticket" || f === "comment_type")) throw AppError.validation([{ field: "ticket", message: "A comment cannot move to another ticket or change its type" }]);
    return {};
  }
  const portal = isCustomerScoped(scoped.principal, "helpdesk");
  const ticket = await scoped.get("HD Ticket", String(event.doc.ticket));
  if (ticket.department !== event.doc.department) throw AppError.validation([{ field: "department", message: `A comment takes its ticket's department (${String(ticket.department)})` }]);
  if ((event.doc.customer ?? null) !== null && event.doc.customer !== ticket.customer) throw AppError.validation([{ field: "customer", message: `A comment takes its ticket's customer (${String(ticket.customer ?? "none")})` }]);
  if (portal && event.doc.comment_type !== "Reply") throw AppError.validation([{ field: "comment_type", message: "Only replies can be written from the portal" }]);
  const source = portal ? "Portal" : typeof event.doc.source === "string" ? event.doc.source : "Agent";
  const fromCustomer = source !== "Agent";
  const service = helpdeskService(scoped);
  const now = toTimestamp(Date.now());
  if (event.doc.comment_type === "Reply" && fromCustomer) {
    const current = await service.get("HD Ticket", ticket.name);
    const categories = await statusCategories(service);
    const state = categories.get(String(current.status));
    const reopen = state === "Resolved" ? await reopenStatus(service) : null;
    await service.update("HD Ticket", ticket.name, reopen ? { status: reopen } : {}, { serverValues: { last_customer_reply_on: now } });
  } else if (event.doc.comment_type === "Reply" && !ticket.first_responded_on) {
    await service.update("HD Ticket", ticket.name, {}, { serverValues: { first_responded_on: now } });
  }
  // An agent's reply is e-mailed to the customer; a note's @mentions notify the users named (same transaction).
  const effects = await commentEffects(scoped, ticket, event, source);
  return { commented_by: scoped.principal.user, customer: ticket.customer ?? null, source, ...effects };
}
