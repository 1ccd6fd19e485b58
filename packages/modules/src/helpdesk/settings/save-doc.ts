import { AppError, type Doc, type ScopedDb } from "@orchestrator/db";

export interface SaveTarget {
  doctype: string;
  /** The document's key: given by the user on create (prompt or field naming). */
  name: string;
  /** Absent: create. Present: update, refused with CONFLICT when someone saved after it. */
  modified: string | undefined;
  /** Field of the key in the editor, where "already exists" is reported. */
  nameField: string;
  /** "An SLA", "A team": for the "already exists" message. */
  label: string;
}

/**
 * Create or update one settings document through the caller's ScopedDb (permission checks, the
 * DocType's validate hook and the audit row all happen there; a refused write writes nothing).
 */
export async function saveDoc(scoped: ScopedDb, target: SaveTarget, body: Record<string, unknown>): Promise<Doc> {
  if (target.modified !== undefined) return scoped.update(target.doctype, target.name, body, { expectedModified: target.modified });
  // Checked first so the editor can show it under the name field; a racing create still gets the data layer's 409.
  if (await scoped.exists(target.doctype, target.name)) {
    throw AppError.validation([{ field: target.nameField, message: `${target.label} named “${target.name}” already exists` }]);
  }
  return scoped.insert(target.doctype, { ...body, name: target.name });
}

/** Deletes a settings document unless `usedBy` names something that still points at it. */
export async function deleteDoc(scoped: ScopedDb, doctype: string, name: string, usedBy?: () => Promise<string | null>): Promise<{ ok: true }> {
  await scoped.get(doctype, name); // NOT_FOUND before anything else
  const user = usedBy ? await usedBy() : null;
  if (user) throw AppError.validation([{ field: "name", message: `${name} can't be deleted: ${user}` }]);
  await scoped.delete(doctype, name);
  return { ok: true as const };
}

/** How many tickets (the caller can see) have `field` = `value`, as "used by N tickets" or null. */
export async function ticketsUsing(scoped: ScopedDb, field: string, value: string): Promise<string | null> {
  const n = await scoped.count("HD Ticket", { filters: [{ field, operator: "=", value }] });
  return n ? `it is used by ${n} ticket${n === 1 ? "" : "s"}` : null;
}
