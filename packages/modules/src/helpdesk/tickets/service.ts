import type { Doc, Filter, ScopedDb } from "@orchestrator/db";

const TICKET = "HD Ticket";

/** Fields of the agent ticket list. */
export const TICKET_LIST_FIELDS = ["name", "subject", "status", "priority", "ticket_type", "agent_group", "assignee", "raised_by", "customer", "department", "response_by", "resolution_by", "agreement_status", "at_risk", "opening_date", "modified"] as const;

export interface TicketListInput {
  page: number;
  pageSize: number;
  status?: string[] | undefined;
  priority?: string[] | undefined;
  agentGroup?: string | undefined;
  assignee?: string | undefined;
  agreementStatus?: string[] | undefined;
  atRisk?: boolean | undefined;
  search?: string | undefined;
  sort: "modified" | "resolution_by" | "response_by" | "opening_date";
  direction: "asc" | "desc";
}

/** The agent list: scoped, filtered and paginated in SQL; `total` capped at 10,000 (then "10,000+"). */
export async function listTickets(scoped: ScopedDb, input: TicketListInput): Promise<{ rows: Record<string, unknown>[]; total: number; page: number; pageSize: number }> {
  const filters: Filter[] = [];
  if (input.status?.length) filters.push({ field: "status", operator: "in", value: input.status });
  if (input.priority?.length) filters.push({ field: "priority", operator: "in", value: input.priority });
  if (input.agreementStatus?.length) filters.push({ field: "agreement_status", operator: "in", value: input.agreementStatus });
  if (input.agentGroup) filters.push({ field: "agent_group", operator: "=", value: input.agentGroup });
  if (input.assignee) filters.push({ field: "assignee", operator: "=", value: input.assignee });
  if (input.atRisk !== undefined) filters.push({ field: "at_risk", operator: "=", value: input.atRisk ? 1 : 0 });
  const query = { filters, search: input.search };
  const [rows, total] = await Promise.all([
    scoped.list(TICKET, { ...query, fields: TICKET_LIST_FIELDS, orderBy: [{ field: input.sort, direction: input.direction }, { field: "name", direction: input.direction }], start: (input.page - 1) * input.pageSize, limit: input.pageSize }),
    scoped.count(TICKET, query, { cap: 10_000 }),
  ]);
  return { rows, total, page: input.page, pageSize: input.pageSize };
}

/** A ticket with its thread (replies and notes) and activity log, oldest first. */
export async function getTicket(scoped: ScopedDb, name: string): Promise<{ ticket: Doc; comments: Record<string, unknown>[]; activities: Record<string, unknown>[] }> {
  const ticket = await scoped.get(TICKET, name);
  const byTicket = { filters: [{ field: "ticket", operator: "=" as const, value: name }], orderBy: [{ field: "creation", direction: "asc" as const }], limit: 0 };
  const [comments, activities] = await Promise.all([
    scoped.list("HD Ticket Comment", { ...byTicket, fields: ["name", "comment_type", "commented_by", "content", "creation"] }),
    scoped.list("HD Ticket Activity", { ...byTicket, fields: ["name", "kind", "action", "data", "owner", "creation"] }),
  ]);
  return { ticket, comments, activities };
}

export interface CreateTicketInput {
  subject: string;
  description?: string | undefined;
  priority?: string | undefined;
  ticket_type?: string | undefined;
  agent_group?: string | undefined;
  assignee?: string | undefined;
  raised_by?: string | undefined;
  client?: string | undefined;
  customer?: string | undefined;
  language?: string | undefined;
  tags?: string[] | undefined;
  department?: string | undefined;
}

/**
 * Creates a ticket. Its DocType's validate applies the SLA (conditions, then the default), computes
 * response_by/resolution_by/agreement_status, runs the team's assignment rule and logs the activity,
 * in the same transaction as the audited insert.
 */
export function createTicket(scoped: ScopedDb, input: CreateTicketInput): Promise<Doc> {
  return scoped.insert(TICKET, input);
}

/** Status change: pause, resume, resolve, reopen recompute the SLA fields (the DocType's validate). */
export function changeStatus(scoped: ScopedDb, name: string, status: string, expectedModified?: string): Promise<Doc> {
  return scoped.update(TICKET, name, { status }, { expectedModified });
}

/** Priority change: the SLA due dates are recomputed with the new priority's targets from the SLA start. */
export function changePriority(scoped: ScopedDb, name: string, priority: string, expectedModified?: string): Promise<Doc> {
  return scoped.update(TICKET, name, { priority }, { expectedModified });
}

/** Team change: an assignee outside the new team is removed and the new team's rule runs. */
export function changeTeam(scoped: ScopedDb, name: string, team: string | null, expectedModified?: string): Promise<Doc> {
  return scoped.update(TICKET, name, { agent_group: team }, { expectedModified });
}

/** Manual assignment (must be an active agent of the ticket's team, when it has one); null unassigns. */
export function assignTicket(scoped: ScopedDb, name: string, assignee: string | null, expectedModified?: string): Promise<Doc> {
  return scoped.update(TICKET, name, { assignee }, { expectedModified });
}

/** A reply or internal note; the first reply sets `first_responded_on` (stopping the response clock). */
export async function addComment(scoped: ScopedDb, input: { ticket: string; type: "Reply" | "Internal Note"; content: string }): Promise<Doc> {
  return scoped.transaction(async (tx) => {
    const ticket = await tx.get(TICKET, input.ticket, { forUpdate: true });
    return tx.insert("HD Ticket Comment", { ticket: input.ticket, department: ticket.department, customer: ticket.customer ?? null, comment_type: input.type, content: input.content });
  });
}
