import type { AnyMySqlColumn } from "drizzle-orm/mysql-core";
import type { StandardColumns } from "@orchestrator/db";

/** The standard columns of a table built with `timestamps()` and `nameKey()`. */
export function standardOf(table: { name: AnyMySqlColumn; creation: AnyMySqlColumn; modified: AnyMySqlColumn; owner: AnyMySqlColumn; modifiedBy: AnyMySqlColumn }): StandardColumns {
  return { name: table.name, creation: table.creation, modified: table.modified, owner: table.owner, modified_by: table.modifiedBy };
}
