import { AppError, isCustomerScoped, type Doc, type Filter, type ScopedDb } from "@orchestrator/db";
import { logActivities } from "../tickets/activity";
import { statusCategories } from "../tickets/sla-fields";
import { helpdeskService } from "../tickets/service-principal";

/**
 * The customer portal's services. They run as the signed-in contact: every read and write goes through
 * the scoped layer, whose `own_customer` grant scope limits them to their customers' tickets and
 * replies, without staff-only fields. Nothing here widens that; the helpdesk service only does the
 * bookkeeping a contact's action causes (activity rows), in the same transaction.
 */
const TICKET = "HD Ticket";

/** The portal is for customers' contacts: staff use the agent workspace. */
export function assertPortalUser(scoped: ScopedDb): void {
  if (!isCustomerScoped(scoped.principal, "helpdesk") || !(scoped.principal.customers ?? []).length) {
    throw AppError.forbidden("The support portal is for customers' contacts; staff work tickets in the helpdesk");
  }
}

export const PORTAL_TICKET_FIELDS = ["name", "subject", "status", "priority", "ticket_type", "customer", "raised_by", "opening_date", "resolution_date", "feedback_rating", "modified"] as const;

export type PortalTicketState = "open" | "resolved" | "all";

/** Status names by what the customer cares about: still being worked on, or done. */
async function statusesFor(scoped: ScopedDb, state: PortalTicketState): Promise<string[] | null> {
  if (state === "all") return null;
  const categories = await statusCategories(scoped);
  const done = (c: string) => c === "Resolved" || c === "Closed";
  return [...categories].filter(([, c]) => (state === "resolved" ? done(c) : !done(c))).map(([name]) => name);
}

export async function listPortalTickets(scoped: ScopedDb, input: { state: PortalTicketState; page: number; pageSize: number; search?: string | undefined }) {
  assertPortalUser(scoped);
  const filters: Filter[] = [];
  const statuses = await statusesFor(scoped, input.state);
  if (statuses) filters.push({ field: "status", operator: "in", value: statuses });
  const query = { filters, search: input.search };
  const [rows, total] = await Promise.all([
    scoped.list(TICKET, { ...query, fields: PORTAL_TICKET_FIELDS, orderBy: [{ field: "modified", direction: "desc" }], start: (input.page - 1) * input.pageSize, limit: input.pageSize }),
    scoped.count(TICKET, query, { cap: 10_000 }),
  ]);
  return { rows, total, page: input.page, pageSize: input.pageSize };
}

/** One ticket and its public thread (replies only: the scope never returns internal notes to a contact). */
export async function getPortalTicket(scoped: ScopedDb, name: string): Promise<{ ticket: Doc; replies: Record<string, unknown>[]; statusCategory: string | null }> {
  assertPortalUser(scoped);
  const ticket = await scoped.get(TICKET, name);
  const [replies, categories] = await Promise.all([
    scoped.list("HD Ticket Comment", { filters: [{ field: "ticket", operator: "=", value: name }], fields: ["name", "commented_by", "content", "source", "creation"], orderBy: [{ field: "creation", direction: "asc" }], limit: 0 }),
    statusCategories(scoped),
  ]);
  return { ticket, replies, statusCategory: categories.get(String(ticket.status)) ?? null };
}

/** Which of the contact's customers a new ticket is for: the one given (must be theirs), or their only one. */
function customerFor(scoped: ScopedDb, given: string | undefined): string {
  const mine = scoped.principal.customers ?? [];
  if (given) {
    if (!mine.includes(given)) throw AppError.validation([{ field: "customer", message: `You are not a contact of ${given}` }]);
    return given;
  }
  if (mine.length !== 1) throw AppError.validation([{ field: "customer", message: `Choose which organisation this ticket is for (${mine.join(", ")})` }]);
  return mine[0]!;
}

export interface PortalTicketInput {
  subject: string;
  description: string;
  ticket_type?: string | undefined;
  customer?: string | undefined;
}

/** A contact raises a ticket for their organisation: filed in its department, raised by them. */
export async function raisePortalTicket(scoped: ScopedDb, input: PortalTicketInput): Promise<Doc> {
  assertPortalUser(scoped);
  const customer = customerFor(scoped, input.customer);
  // The customer's department is staff-only (internal): read it as the helpdesk service.
  const { department } = await helpdeskService(scoped).get("HD Customer", customer);
  const [contact] = await scoped.list("Contact", { filters: [{ field: "customer", operator: "=", value: customer }, { field: "email_id", operator: "=", value: scoped.principal.user }], fields: ["name"], limit: 1 });
  return scoped.insert(TICKET, {
    subject: input.subject,
    description: input.description,
    ticket_type: input.ticket_type,
    customer,
    contact: contact?.name ?? null,
    raised_by: scoped.principal.user,
    department,
  });
}

/** A contact's reply on their ticket (reopens it if it was resolved: the comment's validate). */
export async function replyOnPortalTicket(scoped: ScopedDb, input: { ticket: string; content: string }): Promise<Doc> {
  assertPortalUser(scoped);
  return scoped.transaction(async (tx) => {
    const ticket = await tx.get(TICKET, input.ticket, { forUpdate: true });
    return tx.insert("HD Ticket Comment", { ticket: ticket.name, department: ticket.department, customer: ticket.customer, comment_type: "Reply", content: input.content });
  });
}

/** CSAT: the contact rates a resolved or closed ticket (1–5, optional comment); a later rating replaces it. */
export async function rateTicket(scoped: ScopedDb, input: { ticket: string; rating: number; comment?: string | undefined }): Promise<Doc> {
  assertPortalUser(scoped);
  return scoped.transaction(async (tx) => {
    const ticket = await tx.get(TICKET, input.ticket, { forUpdate: true });
    const category = (await statusCategories(tx)).get(String(ticket.status));
    if (category !== "Resolved" && category !== "Closed") throw AppError.validation([{ field: "rating", message: "A ticket can be rated once it is resolved" }]);
    const now = new Date().toISOString().replace("T", " ").replace("Z", "");
    const updated = await tx.update(TICKET, ticket.name, {}, { serverValues: { feedback_rating: input.rating, feedback_text: input.comment ?? null, feedback_on: now } });
    await logActivities(helpdeskService(tx), ticket.name, String(ticket.department), [{ kind: "feedback", action: `Rated ${input.rating}/5 by ${tx.principal.user}`, data: { rating: input.rating } }]);
    return updated;
  });
}
