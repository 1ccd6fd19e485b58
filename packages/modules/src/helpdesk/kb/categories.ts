import { count } from "drizzle-orm";
import { hdArticles } from "@orchestrator/db/schema";
import { AppError, type Doc, type ScopedDb } from "@orchestrator/db";
import { ARTICLE } from "./articles";
import type { CategoryDoc, CategoryRow } from "./schemas";

const CATEGORY = "HD Article Category";

/**
 * Every category in display order, with how many articles of it the caller can read (a portal
 * contact counts published ones only: the same scope predicate, grouped).
 */
export async function listCategories(scoped: ScopedDb): Promise<CategoryRow[]> {
  const [rows, counts] = await Promise.all([
    scoped.list(CATEGORY, { fields: ["name", "category_name", "description", "sort_order", "modified"], orderBy: [{ field: "sort_order", direction: "asc" }, { field: "category_name", direction: "asc" }], limit: 0 }),
    scoped.selectScoped<{ category: string | null; n: number }>(ARTICLE, { category: hdArticles.category, n: count().as("n") }, undefined, { groupBy: [hdArticles.category] }),
  ]);
  const byCategory = new Map(counts.map((c) => [c.category, Number(c.n)]));
  return rows.map((r) => ({
    name: String(r.name),
    category_name: String(r.category_name),
    description: (r.description as string | null) ?? null,
    sort_order: Number(r.sort_order ?? 0),
    modified: String(r.modified),
    articles: byCategory.get(String(r.name)) ?? 0,
  }));
}

export interface CategoryInput {
  category_name?: string | undefined;
  description?: string | null | undefined;
  sort_order?: number | undefined;
}

/** The stored document in the router's shape (the router's output schema checks it at run time). */
const asCategory = (doc: Doc): CategoryDoc => doc as unknown as CategoryDoc;

export async function createCategory(scoped: ScopedDb, input: CategoryInput): Promise<CategoryDoc> {
  return asCategory(await scoped.insert(CATEGORY, input));
}

export async function updateCategory(scoped: ScopedDb, name: string, changes: CategoryInput, modified: string): Promise<CategoryDoc> {
  return asCategory(await scoped.update(CATEGORY, name, changes, { expectedModified: modified }));
}

/** A category still holding articles is not deleted (they would point at nothing): move them first. */
export async function deleteCategory(scoped: ScopedDb, name: string): Promise<void> {
  await scoped.transaction(async (tx) => {
    await tx.get(CATEGORY, name, { forUpdate: true });
    const used = await tx.count(ARTICLE, { filters: [{ field: "category", operator: "=", value: name }] });
    if (used) throw AppError.validation([{ field: "category", message: `This category still has ${used} article${used === 1 ? "" : "s"}: move ${used === 1 ? "it" : "them"} to another category first` }]);
    await tx.delete(CATEGORY, name);
  });
}
