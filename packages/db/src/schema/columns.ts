import { datetime, varchar } from "drizzle-orm/mysql-core";

/** Frappe-style primary key: every document is addressed by its `name`. */
export const nameKey = () => varchar("name", { length: 140 }).primaryKey();

/** A link to another document by its name (Frappe's Link field). */
export const link = (column: string, length = 140) => varchar(column, { length });

/** `creation` and `modified` with microseconds, as Frappe stores them; `modified` drives optimistic locking. */
export const timestamps = () => ({
  creation: datetime("creation", { mode: "string", fsp: 6 }).notNull(),
  modified: datetime("modified", { mode: "string", fsp: 6 }).notNull(),
  owner: varchar("owner", { length: 140 }).notNull(),
  modifiedBy: varchar("modified_by", { length: 140 }).notNull(),
});
