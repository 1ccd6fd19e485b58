import { sql } from "drizzle-orm";
import { boolean, mysqlTable, tinyint, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { nameKey, timestamps } from "./columns";

/** Longest label of a saved view. */
export const SAVED_VIEW_LABEL_MAX = 80;
/** Longest query string of a saved view (what follows `?` in the list's URL). */
export const SAVED_VIEW_QUERY_MAX = 2000;

/**
 * A user's saved list view: a name for a list's URL state (filters, search, sort), private to its
 * `owner` (the standard column). `list` says which list it belongs to ("clients"), so every module's
 * list can reuse the table. Named by a random id.
 */
export const savedViews = mysqlTable(
  "saved_views",
  {
    name: nameKey(),
    list: varchar("list", { length: 64 }).notNull(),
    label: varchar("label", { length: SAVED_VIEW_LABEL_MAX }).notNull(),
    query: varchar("query", { length: SAVED_VIEW_QUERY_MAX }).notNull(),
    isDefault: boolean("is_default").notNull().default(false),
    // 1 for a default view, NULL otherwise: the unique key below then allows at most one default per
    // owner and list even under concurrent writes (NULLs never collide in a unique key).
    defaultKey: tinyint("default_key").generatedAlwaysAs(sql`if(\`is_default\`, 1, null)`, { mode: "stored" }),
    ...timestamps(),
  },
  (t) => [
    // Also the index of "my views of this list" (owner, list) — every read filters by both.
    uniqueIndex("saved_views_owner_list_label_uq").on(t.owner, t.list, t.label),
    uniqueIndex("saved_views_owner_list_default_uq").on(t.owner, t.list, t.defaultKey),
  ],
);
