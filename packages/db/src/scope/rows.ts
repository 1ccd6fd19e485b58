import { getTableColumns } from "drizzle-orm";
import type { AnyMySqlColumn, MySqlTable } from "drizzle-orm/mysql-core";
import type { ChildTableDef, DocTypeDef, FieldDef } from "./doctype";

const keyCache = new WeakMap<MySqlTable, Map<AnyMySqlColumn, string>>();

/** Drizzle's insert/update take the table's property keys; fields are addressed by column. */
function propertyKeys(table: MySqlTable): Map<AnyMySqlColumn, string> {
  let map = keyCache.get(table);
  if (!map) {
    map = new Map();
    for (const [key, column] of Object.entries(getTableColumns(table))) map.set(column as AnyMySqlColumn, key);
    keyCache.set(table, map);
  }
  return map;
}

/** Maps `{first_name: "Ada"}` to `{firstName: "Ada"}` for the DocType's table. */
export function toTableValues(table: MySqlTable, fields: Record<string, FieldDef>, standard: DocTypeDef["standard"] | ChildTableDef["standard"], values: Record<string, unknown>, extra: Record<string, AnyMySqlColumn> = {}): Record<string, unknown> {
  const keys = propertyKeys(table);
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(values)) {
    const column = fields[field]?.column ?? (standard as unknown as Record<string, AnyMySqlColumn>)[field] ?? extra[field];
    if (!column) continue;
    const key = keys.get(column);
    if (key) out[key] = value;
  }
  return out;
}

/** Normalises a selected row to Frappe's JSON shapes: checks as 0/1, JSON columns parsed. */
export function normalizeRow(fields: Record<string, FieldDef>, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    const def = fields[key];
    if (def?.type === "check") out[key] = value === true || value === 1 || value === "1" ? 1 : 0;
    else if (def?.type === "json" && typeof value === "string") {
      try { out[key] = JSON.parse(value); } catch { out[key] = value; }
    } else out[key] = value;
  }
  return out;
}

/** Every selectable column of a DocType (or child table), by fieldname, hidden fields left out. */
export function allColumns(fields: Record<string, FieldDef>, standard: Record<string, AnyMySqlColumn>, extra: Record<string, AnyMySqlColumn> = {}): Record<string, AnyMySqlColumn> {
  const out: Record<string, AnyMySqlColumn> = { name: standard.name as AnyMySqlColumn };
  for (const [field, def] of Object.entries(fields)) if (!def.hidden) out[field] = def.column;
  for (const [field, column] of Object.entries(extra)) out[field] = column;
  for (const field of ["creation", "modified", "owner", "modified_by"]) out[field] = standard[field] as AnyMySqlColumn;
  return out;
}
