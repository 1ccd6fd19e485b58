import type { ScopedDb } from "@orchestrator/db";
import { ticketStatusCategories } from "@orchestrator/db/schema";
import { deleteDoc, saveDoc, ticketsUsing } from "./save-doc";
import { intOrNull, str, strOrNull } from "./values";

/** The ticket catalogues: types, priorities and statuses (each named by the user, no rename). */
export const TICKET_TYPE = "HD Ticket Type";
export const PRIORITY = "HD Ticket Priority";
export const STATUS = "HD Ticket Status";

type Category = (typeof ticketStatusCategories)[number];
const categoryOf = (v: unknown): Category => ticketStatusCategories.find((c) => c === v) ?? "Open";

export async function listTicketTypes(scoped: ScopedDb) {
  const rows = await scoped.list(TICKET_TYPE, { fields: ["name", "description", "modified"], orderBy: [{ field: "name", direction: "asc" }], limit: 0 });
  return rows.map((r) => ({ name: str(r.name), description: strOrNull(r.description), modified: str(r.modified) }));
}

export async function listPriorities(scoped: ScopedDb) {
  const rows = await scoped.list(PRIORITY, { fields: ["name", "rank", "modified"], orderBy: [{ field: "rank", direction: "desc" }, { field: "name", direction: "asc" }], limit: 0 });
  return rows.map((r) => ({ name: str(r.name), rank: intOrNull(r.rank) ?? 0, modified: str(r.modified) }));
}

export async function listStatuses(scoped: ScopedDb) {
  const rows = await scoped.list(STATUS, { fields: ["name", "category", "sort_order", "modified"], orderBy: [{ field: "sort_order", direction: "asc" }, { field: "name", direction: "asc" }], limit: 0 });
  return rows.map((r) => ({ name: str(r.name), category: categoryOf(r.category), sort_order: intOrNull(r.sort_order) ?? 0, modified: str(r.modified) }));
}

const target = (doctype: string, name: string, modified: string | undefined, label: string) => ({ doctype, name, modified, nameField: "name", label });

export async function saveTicketType(scoped: ScopedDb, input: { name: string; modified?: string | undefined; description: string | null }) {
  const doc = await saveDoc(scoped, target(TICKET_TYPE, input.name, input.modified, "A ticket type"), { description: input.description });
  return { name: str(doc.name), description: strOrNull(doc.description), modified: str(doc.modified) };
}

export async function savePriority(scoped: ScopedDb, input: { name: string; modified?: string | undefined; rank: number }) {
  const doc = await saveDoc(scoped, target(PRIORITY, input.name, input.modified, "A priority"), { rank: input.rank });
  return { name: str(doc.name), rank: intOrNull(doc.rank) ?? 0, modified: str(doc.modified) };
}

export async function saveStatus(scoped: ScopedDb, input: { name: string; modified?: string | undefined; category: Category; sort_order: number }) {
  const doc = await saveDoc(scoped, target(STATUS, input.name, input.modified, "A status"), { category: input.category, sort_order: input.sort_order });
  return { name: str(doc.name), category: categoryOf(doc.category), sort_order: intOrNull(doc.sort_order) ?? 0, modified: str(doc.modified) };
}

/** Catalogue entries that tickets still use are refused (their tickets would point at nothing). */
export const deleteTicketType = (scoped: ScopedDb, name: string) => deleteDoc(scoped, TICKET_TYPE, name, () => ticketsUsing(scoped, "ticket_type", name));
export const deletePriority = (scoped: ScopedDb, name: string) => deleteDoc(scoped, PRIORITY, name, () => ticketsUsing(scoped, "priority", name));
export const deleteStatus = (scoped: ScopedDb, name: string) => deleteDoc(scoped, STATUS, name, () => ticketsUsing(scoped, "status", name));
