import { getTableColumns, getTableName, sql } from "drizzle-orm";
import type { AnyMySqlColumn, MySqlTable } from "drizzle-orm/mysql-core";
import mysql from "mysql2/promise";
import type { Executor } from "../client";
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

const quoteId = (name: string) => `\`${name.replace(/`/g, "``")}\``;

/**
 * A multi-row INSERT of `rows` (Drizzle's insert shape: property keys), built without Drizzle's
 * query builder, which spends ~13 µs a row assembling parameters — most of a bulk write's CPU. Each
 * value goes through its column's own driver mapping (JSON columns are stringified as usual) and is
 * then escaped by mysql2, exactly as mysql2 interpolates Drizzle's parameters client-side; a key
 * missing from a row is the column's DEFAULT, as with Drizzle. `update` lists property keys to take
 * from the new row on a duplicate key (`ON DUPLICATE KEY UPDATE col = VALUES(col)`).
 * Rows go `chunk` at a time, one statement each.
 */
export async function insertRows<T extends MySqlTable>(exec: Executor, table: T, rows: readonly T["$inferInsert"][], options: { update?: readonly (keyof T["$inferInsert"] & string)[]; chunk?: number } = {}): Promise<void> {
  if (!rows.length) return;
  const all = getTableColumns(table) as Record<string, AnyMySqlColumn>;
  const present = new Set<string>();
  for (const row of rows) for (const [key, value] of Object.entries(row)) if (value !== undefined && all[key]) present.add(key);
  const keys = [...present];
  const columns = keys.map((key) => all[key]!);
  const head = `INSERT INTO ${quoteId(getTableName(table))} (${columns.map((c) => quoteId(c.name)).join(", ")}) VALUES `;
  const tail = options.update?.length ? ` ON DUPLICATE KEY UPDATE ${options.update.map((key) => { const name = quoteId(all[key]!.name); return `${name} = VALUES(${name})`; }).join(", ")}` : "";
  const literal = (column: AnyMySqlColumn, value: unknown): string => {
    if (value === undefined) return "DEFAULT";
    if (value === null) return "NULL";
    const driver: unknown = column.mapToDriverValue(value);
    if (driver === null) return "NULL";
    if (typeof driver === "string" || typeof driver === "number" || typeof driver === "bigint" || typeof driver === "boolean" || Buffer.isBuffer(driver)) return mysql.escape(driver);
    throw new Error(`insertRows: ${getTableName(table)}.${column.name} maps to a ${typeof driver}, not a scalar`);
  };
  const chunk = options.chunk ?? 500;
  for (let start = 0; start < rows.length; start += chunk) {
    const tuples = rows.slice(start, start + chunk).map((row) => {
      const r = row as Record<string, unknown>;
      return `(${columns.map((column, i) => literal(column, r[keys[i]!])).join(", ")})`;
    });
    await exec.execute(sql.raw(head + tuples.join(", ") + tail));
  }
}
