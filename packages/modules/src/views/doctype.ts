import { AppError, type DocTypeDef, type FieldIssue, type ScopedDb, type ValidateEvent } from "@orchestrator/db";
import * as s from "@orchestrator/db/schema";
import { SAVED_VIEW_LABEL_MAX, SAVED_VIEW_QUERY_MAX } from "@orchestrator/db/schema";
import { standardOf } from "../registry/standard";
import { savedViewLists, viewQueryIssues } from "./lists";

export const SAVED_VIEW = "Saved View";
/** How many views one user may keep per list: plenty for a menu, and a bound on what it loads. */
export const MAX_VIEWS_PER_LIST = 50;

/**
 * Checks a view before it is written, in the write's transaction (so tRPC and REST writes alike):
 * the query is a valid URL state of its list, the label is unique among the owner's views of the
 * list, and a new default clears the previous one (audited like any change, same transaction).
 */
async function validateSavedView(scoped: ScopedDb, event: ValidateEvent): Promise<void> {
  const { doc } = event;
  const changed = new Set(event.changed);
  const list = String(doc.list);
  // Explicit, although the scope already limits reads to the caller's own views (a system job sees all).
  const mine = [{ field: "owner", operator: "=" as const, value: doc.owner }, { field: "list", operator: "=" as const, value: list }];
  const issues: FieldIssue[] = [];

  if (changed.has("query") || changed.has("list")) {
    for (const message of viewQueryIssues(list, String(doc.query ?? ""))) issues.push({ field: "query", message });
  }
  if (changed.has("label") || changed.has("list")) {
    const clash = await scoped.list(SAVED_VIEW, { fields: ["name"], filters: [...mine, { field: "label", operator: "=", value: doc.label }, { field: "name", operator: "!=", value: event.name }], limit: 1 });
    if (clash.length) issues.push({ field: "label", message: `You already have a view named “${String(doc.label)}”` });
  }
  if (event.action === "create" && (await scoped.count(SAVED_VIEW, { filters: mine })) >= MAX_VIEWS_PER_LIST) {
    issues.push({ field: "list", message: `You can keep at most ${MAX_VIEWS_PER_LIST} views of this list: delete one first` });
  }
  if (issues.length) throw AppError.validation(issues);

  if (Number(doc.is_default) === 1 && (changed.has("is_default") || changed.has("list"))) {
    const previous = await scoped.list(SAVED_VIEW, { fields: ["name"], filters: [...mine, { field: "is_default", operator: "=", value: 1 }, { field: "name", operator: "!=", value: event.name }], limit: 0 });
    for (const row of previous) await scoped.update(SAVED_VIEW, String(row.name), { is_default: 0 });
  }
}

/**
 * A user's saved list view. Private: only its owner reads or changes it, whatever their role (the
 * `owner` scope); another user's view is NOT FOUND, and its history is not theirs to read either.
 */
export const savedViewDocType: DocTypeDef = {
  name: SAVED_VIEW,
  table: s.savedViews,
  standard: standardOf(s.savedViews),
  // Not consulted for `owner`-scoped rows (no grant is needed to keep one's own views); it labels
  // the DocType with the data it is a view of.
  category: "client",
  scope: { kind: "owner" },
  naming: { kind: "random" },
  validate: validateSavedView,
  titleField: "label",
  searchFields: ["label"],
  fields: {
    list: { column: s.savedViews.list, type: "select", options: savedViewLists, label: "List", required: true },
    label: { column: s.savedViews.label, type: "data", label: "Label", required: true, maxLength: SAVED_VIEW_LABEL_MAX },
    query: { column: s.savedViews.query, type: "data", label: "Query", required: true, maxLength: SAVED_VIEW_QUERY_MAX },
    is_default: { column: s.savedViews.isDefault, type: "check", label: "Default" },
  },
};
