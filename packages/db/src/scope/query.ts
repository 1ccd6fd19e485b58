import { and, asc, between, desc, eq, gt, gte, inArray, isNotNull, isNull, like, lt, lte, ne, notInArray, notLike, or, sql, type SQL } from "drizzle-orm";
import type { AnyMySqlColumn } from "drizzle-orm/mysql-core";
import type { Principal } from "../access/model";
import { AppError, type FieldIssue } from "../errors";
import { isStandardField, type DocTypeDef, type FieldDef } from "./doctype";
import { categoryReadableFor, isCustomerScoped } from "./predicate";

export const filterOperators = ["=", "!=", ">", "<", ">=", "<=", "like", "not like", "in", "not in", "is", "between"] as const;
export type FilterOperator = (typeof filterOperators)[number];

export interface Filter {
  field: string;
  operator: FilterOperator;
  value: unknown;
}

export interface OrderBy {
  field: string;
  direction: "asc" | "desc";
}

export interface ListQuery {
  fields?: readonly string[];
  filters?: readonly Filter[];
  orFilters?: readonly Filter[];
  orderBy?: readonly OrderBy[];
  start?: number;
  /** 0 means all rows. */
  limit?: number;
  /** Free text matched against the DocType's search fields. */
  search?: string;
}

/** A field the principal may read in lists (standard fields always; category-gated ones only with the category). */
export function readableColumn(principal: Principal, dt: DocTypeDef, field: string): AnyMySqlColumn | undefined {
  if (isStandardField(field)) return dt.standard[field];
  const def = dt.fields[field];
  if (!def || def.hidden) return undefined;
  if (def.internal && isCustomerScoped(principal, dt.category)) return undefined;
  // A category-gated field is only listable with the category in every scope (the row's department is not known yet).
  if (def.category && !categoryReadableFor(principal, def.category, undefined)) return undefined;
  return def.column;
}

function fieldDef(dt: DocTypeDef, field: string): FieldDef | undefined {
  return dt.fields[field];
}

function coerceScalar(def: FieldDef | undefined, value: unknown, field: string, issues: FieldIssue[]): string | number | null {
  if (value === null) return null;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) { issues.push({ field, message: "is not a finite number" }); return null; }
    return value;
  }
  if (typeof value === "string") {
    if (def?.type === "int" || def?.type === "currency" || def?.type === "check") {
      const n = Number(value);
      if (!Number.isFinite(n)) { issues.push({ field, message: `${value} is not a number` }); return null; }
      return n;
    }
    return value;
  }
  issues.push({ field, message: "filter value must be a string, number or boolean" });
  return null;
}

function filterToSql(principal: Principal, dt: DocTypeDef, filter: Filter, issues: FieldIssue[]): SQL | undefined {
  const column = readableColumn(principal, dt, filter.field);
  const path = `filters.${filter.field}`;
  if (!column) { issues.push({ field: path, message: `unknown field ${filter.field}` }); return undefined; }
  if (!(filterOperators as readonly string[]).includes(filter.operator)) {
    issues.push({ field: path, message: `unknown operator ${String(filter.operator)}` });
    return undefined;
  }
  const def = fieldDef(dt, filter.field);
  const v = filter.value;
  switch (filter.operator) {
    case "in":
    case "not in": {
      const list = Array.isArray(v) ? v : typeof v === "string" ? v.split(",").map((s) => s.trim()).filter(Boolean) : null;
      if (!list) { issues.push({ field: path, message: `${filter.operator} needs a list` }); return undefined; }
      const values = list.map((item) => coerceScalar(def, item, path, issues)).filter((x): x is string | number => x !== null);
      if (!values.length) return filter.operator === "in" ? sql`1 = 0` : undefined;
      return filter.operator === "in" ? inArray(column, values) : notInArray(column, values);
    }
    case "is": {
      if (v === "set") return and(isNotNull(column), ne(column, "")) as SQL;
      if (v === "not set") return or(isNull(column), eq(column, "")) as SQL;
      issues.push({ field: path, message: "is takes 'set' or 'not set'" });
      return undefined;
    }
    case "between": {
      if (!Array.isArray(v) || v.length !== 2) { issues.push({ field: path, message: "between needs [from, to]" }); return undefined; }
      const from = coerceScalar(def, v[0], path, issues);
      const to = coerceScalar(def, v[1], path, issues);
      if (from === null || to === null) return undefined;
      return between(column, from, to);
    }
    case "like":
    case "not like": {
      if (typeof v !== "string") { issues.push({ field: path, message: `${filter.operator} needs a string` }); return undefined; }
      return filter.operator === "like" ? like(column, v) : notLike(column, v);
    }
    default: {
      const value = coerceScalar(def, v, path, issues);
      if (value === null) return filter.operator === "=" ? isNull(column) : filter.operator === "!=" ? isNotNull(column) : undefined;
      const ops = { "=": eq, "!=": ne, ">": gt, "<": lt, ">=": gte, "<=": lte } as const;
      return ops[filter.operator](column, value);
    }
  }
}

/** Turns validated filters into SQL; every unknown field or operator is reported, nothing reaches SQL unchecked. */
export function buildFilterSql(principal: Principal, dt: DocTypeDef, query: Pick<ListQuery, "filters" | "orFilters" | "search">): SQL | undefined {
  const issues: FieldIssue[] = [];
  const andParts = (query.filters ?? []).map((f) => filterToSql(principal, dt, f, issues)).filter((x): x is SQL => !!x);
  const orParts = (query.orFilters ?? []).map((f) => filterToSql(principal, dt, f, issues)).filter((x): x is SQL => !!x);
  if (issues.length) throw AppError.validation(issues);
  if (orParts.length) andParts.push(or(...orParts) as SQL);
  const term = query.search?.trim();
  if (term) {
    const pattern = `${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const searchColumns = [dt.standard.name, ...(dt.searchFields ?? []).map((f) => readableColumn(principal, dt, f)).filter((c): c is AnyMySqlColumn => !!c)];
    andParts.push(or(...searchColumns.map((c) => like(c, pattern))) as SQL);
  }
  return andParts.length ? (and(...andParts) as SQL) : undefined;
}

/**
 * A sort key as a merged (UNION) list must write it: a union's ENUM column is plain text there, so an
 * ENUM sorts by its place in the list (`FIELD(…)`), as it does in each branch, not alphabetically.
 */
function mergedSortKey(column: AnyMySqlColumn): AnyMySqlColumn | SQL {
  const values = (column as { enumValues?: readonly string[] }).enumValues;
  if (!(column.columnType === "MySqlEnumColumn" && values?.length)) return column;
  // By its bare name: the merge orders the union's columns, and drizzle only unqualifies top-level ones.
  return sql`field(${sql.identifier(column.name)}, ${sql.join(values.map((v) => sql`${v}`), sql`, `)})`;
}

export function buildOrderBy(principal: Principal, dt: DocTypeDef, orderBy: readonly OrderBy[] | undefined, options: { merged?: boolean } = {}): SQL[] {
  const list = orderBy?.length ? orderBy : [{ field: "modified", direction: "desc" as const }];
  const issues: FieldIssue[] = [];
  const parts = list.map((o) => {
    const column = readableColumn(principal, dt, o.field);
    if (!column) { issues.push({ field: "order_by", message: `cannot sort by ${o.field}` }); return sql``; }
    const key = options.merged ? mergedSortKey(column) : column;
    return o.direction === "asc" ? asc(key) : desc(key);
  });
  if (issues.length) throw AppError.validation(issues);
  // A unique tie-breaker keeps pages stable when the sort key repeats.
  if (!list.some((o) => o.field === "name")) parts.push(list[0]?.direction === "asc" ? asc(dt.standard.name) : desc(dt.standard.name));
  return parts;
}

/** The columns `buildOrderBy` sorts on, tie-breaker included (a merged list must select them to order by them). */
export function orderColumns(principal: Principal, dt: DocTypeDef, orderBy: readonly OrderBy[] | undefined): AnyMySqlColumn[] {
  const list = orderBy?.length ? orderBy : [{ field: "modified", direction: "desc" as const }];
  const columns = list.map((o) => readableColumn(principal, dt, o.field)).filter((c): c is AnyMySqlColumn => c !== undefined);
  return [...new Set([...columns, dt.standard.name])];
}

/** The columns to select: requested ones (validated) or the default list fields. `*` means every readable field. */
export function resolveFields(principal: Principal, dt: DocTypeDef, fields: readonly string[] | undefined): Record<string, AnyMySqlColumn> {
  const requested = fields?.length ? fields : ["name", ...(dt.titleField ? [dt.titleField] : [])];
  const out: Record<string, AnyMySqlColumn> = {};
  const issues: FieldIssue[] = [];
  for (const raw of requested) {
    const field = raw.trim();
    if (field === "*") {
      for (const f of ["name", ...Object.keys(dt.fields), "creation", "modified", "owner", "modified_by"]) {
        const column = readableColumn(principal, dt, f);
        if (column) out[f] = column;
      }
      continue;
    }
    const column = readableColumn(principal, dt, field);
    if (!column) { issues.push({ field: "fields", message: `unknown field ${field}` }); continue; }
    out[field] = column;
  }
  if (issues.length) throw AppError.validation(issues);
  return out;
}
