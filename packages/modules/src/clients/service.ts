import { AppError, type Filter, type ScopedDb } from "@orchestrator/db";
import type { z } from "zod";
import type { ClientDoc, ClientListInput, clientSummary } from "./schemas";

type ClientSummary = z.infer<typeof clientSummary>;

/** The most rows a list counts exactly. */
export const COUNT_CAP = 10_000;

const listFields = ["name", "first_name", "last_name", "status", "department", "admission_date", "discharge_date", "synced_from_kipu", "modified"];

function listFilters(input: ClientListInput): Filter[] {
  const filters: Filter[] = [];
  if (input.status?.length) filters.push({ field: "status", operator: "in", value: input.status });
  if (input.department) filters.push({ field: "department", operator: "=", value: input.department });
  if (input.admittedFrom) filters.push({ field: "admission_date", operator: ">=", value: input.admittedFrom });
  if (input.admittedTo) filters.push({ field: "admission_date", operator: "<=", value: input.admittedTo });
  return filters;
}

/** One page of the scoped client list and the total behind it (two statements). */
export async function listClients(scoped: ScopedDb, input: ClientListInput) {
  const filters = listFilters(input);
  const query = { filters, search: input.search };
  const [rows, counted] = await Promise.all([
    scoped.list("Client", { ...query, fields: listFields, orderBy: [{ field: input.sort, direction: input.dir }], start: (input.page - 1) * input.pageSize, limit: input.pageSize }),
    scoped.count("Client", query, { cap: COUNT_CAP }),
  ]);
  // Past the cap the list says "10,000+": an exact count of a 100k-client department on every page view costs more than it tells.
  return { rows, total: Math.min(counted, COUNT_CAP), totalIsCapped: counted > COUNT_CAP, page: input.page, pageSize: input.pageSize };
}

export async function getClient(scoped: ScopedDb, name: string): Promise<ClientDoc> {
  return (await scoped.get("Client", name)) as unknown as ClientDoc;
}

/**
 * The seed's client summary: the client, how many tasks are still open, the latest changes to the
 * client and its modules — all read through the caller's scope.
 */
export async function getClientSummary(scoped: ScopedDb, name: string) {
  const client = await getClient(scoped, name);
  const [activeTasks, recent] = await Promise.all([
    scoped.canReadDoctype("Task") ? scoped.count("Task", { filters: [{ field: "client", operator: "=", value: name }, { field: "status", operator: "in", value: ["open", "in_progress"] }] }) : 0,
    scoped.list("Version", { fields: ["name", "ref_doctype", "docname", "action", "owner", "creation", "data"], filters: [{ field: "ref_doctype", operator: "=", value: "Client" }, { field: "docname", operator: "=", value: name }], orderBy: [{ field: "creation", direction: "desc" }], limit: 10 }),
  ]);
  const modules = [
    ...(client.medical_assignments ?? []).map((r) => ({ module: "medical" as const, name: String(r.template_id), status: String(r.status) })),
    ...(client.program_assignments ?? []).map((r) => ({ module: "program" as const, name: String(r.program_id), status: String(r.status) })),
  ];
  return { client, active_tasks: activeTasks, recent_activities: recent as ClientSummary["recent_activities"], assigned_modules: modules };
}

type TaskRow = { name: string; title: string; category: string; status: string; due_date: string | null; assignee: string | null; source_template: string | null };

/** The tasks of one client the caller may read; a client out of scope is NOT FOUND, as everywhere. */
export async function listClientTasks(scoped: ScopedDb, client: string): Promise<TaskRow[]> {
  if (!(await scoped.exists("Client", client))) throw AppError.notFound("Client", client);
  if (!scoped.canReadDoctype("Task")) return [];
  const rows = await scoped.list("Task", {
    fields: ["name", "title", "category", "status", "due_date", "assignee", "source_template"],
    filters: [{ field: "client", operator: "=", value: client }],
    orderBy: [{ field: "due_date", direction: "asc" }],
    limit: 500,
  });
  return rows as TaskRow[];
}

/** Page size of a client's change history. */
export const HISTORY_PAGE_SIZE = 20;

type VersionRow = { name: string; ref_doctype: string; docname: string; action: string; owner: string; creation: string; data: unknown };

/**
 * One page of a client's audit trail, newest first, through the caller's scope (Version follows
 * the documents it describes: parts in categories the reader may not see are already stripped).
 * A client out of scope is NOT FOUND. One row more than the page tells whether there are older ones.
 */
export async function listClientHistory(scoped: ScopedDb, client: string, page: number): Promise<{ rows: VersionRow[]; hasMore: boolean; page: number; pageSize: number }> {
  if (!(await scoped.exists("Client", client))) throw AppError.notFound("Client", client);
  const rows = (await scoped.list("Version", {
    fields: ["name", "ref_doctype", "docname", "action", "owner", "creation", "data"],
    filters: [{ field: "ref_doctype", operator: "=", value: "Client" }, { field: "docname", operator: "=", value: client }],
    orderBy: [{ field: "creation", direction: "desc" }],
    start: (page - 1) * HISTORY_PAGE_SIZE,
    limit: HISTORY_PAGE_SIZE + 1,
  })) as VersionRow[];
  return { rows: rows.slice(0, HISTORY_PAGE_SIZE), hasMore: rows.length > HISTORY_PAGE_SIZE, page, pageSize: HISTORY_PAGE_SIZE };
}
