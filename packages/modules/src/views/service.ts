import { AppError, AppErrorCode, type ScopedDb } from "@orchestrator/db";
import { SAVED_VIEW } from "./doctype";
import type { SavedViewList } from "./lists";
import { savedView, type CreateViewInput, type SavedView, type UpdateViewInput } from "./schemas";

const fields = ["name", "list", "label", "query", "is_default", "modified"];

function toView(row: Record<string, unknown>): SavedView {
  return savedView.parse({ name: row.name, list: row.list, label: row.label, query: row.query, isDefault: Number(row.is_default) === 1, modified: row.modified });
}

/** The unique key a duplicate-entry error names, from the database error below the AppError. */
function duplicateKeyOf(error: AppError): string | undefined {
  for (let e: unknown = error.cause; e; e = (e as { cause?: unknown }).cause) {
    const message = (e as { sqlMessage?: unknown }).sqlMessage;
    const key = typeof message === "string" ? /for key '(?:[^']*\.)?([^']+)'/.exec(message)?.[1] : undefined;
    if (key) return key;
  }
  return undefined;
}

/**
 * The validation hook answers duplicates with a field error; only two writes racing each other
 * reach the database's unique keys. Those get the same answers (or a plain CONFLICT to retry).
 */
async function mapDuplicates<T>(label: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== AppErrorCode.Duplicate) throw error;
    if (duplicateKeyOf(error) === "saved_views_owner_list_default_uq") throw new AppError(AppErrorCode.Conflict, "Another view was made the default at the same time. Try again.", { cause: error });
    throw AppError.validation([{ field: "label", message: label ? `You already have a view named “${label}”` : "You already have a view with this name" }]);
  }
}

/** The caller's own views of a list, by label. */
export async function listViews(scoped: ScopedDb, list: SavedViewList): Promise<SavedView[]> {
  const rows = await scoped.list(SAVED_VIEW, { fields, filters: [{ field: "list", operator: "=", value: list }], orderBy: [{ field: "label", direction: "asc" }], limit: 0 });
  return rows.map(toView);
}

/** One of the caller's views; anyone else's is NOT FOUND. */
export async function getView(scoped: ScopedDb, name: string): Promise<SavedView> {
  return toView(await scoped.get(SAVED_VIEW, name));
}

export async function createView(scoped: ScopedDb, input: CreateViewInput): Promise<SavedView> {
  const doc = await mapDuplicates(input.label, () => scoped.insert(SAVED_VIEW, { list: input.list, label: input.label, query: input.query, is_default: input.isDefault ? 1 : 0 }));
  return toView(doc);
}

/** Rename, overwrite the query, make (or stop being) the default: one audited change. */
export async function updateView(scoped: ScopedDb, input: UpdateViewInput): Promise<SavedView> {
  const values: Record<string, unknown> = {};
  if (input.label !== undefined) values.label = input.label;
  if (input.query !== undefined) values.query = input.query;
  if (input.isDefault !== undefined) values.is_default = input.isDefault ? 1 : 0;
  const doc = await mapDuplicates(input.label, () => scoped.update(SAVED_VIEW, input.name, values, { expectedModified: input.modified }));
  return toView(doc);
}

export async function deleteView(scoped: ScopedDb, name: string): Promise<void> {
  await scoped.delete(SAVED_VIEW, name);
}
