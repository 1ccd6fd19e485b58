import { AppError, type DocTypeDef, type FieldIssue, type ScopedDb } from "@orchestrator/db";
import { and, asc, count, eq, isNull, like, or, type SQL } from "drizzle-orm";
import type { AnyMySqlColumn } from "drizzle-orm/mysql-core";

/**
 * The fields each CRM list may be grouped by (the list's group headings, `crm.<list>.groups`): low
 * cardinality, indexed-ish columns a person scans a list by. Anything else is a field error.
 */
export const CRM_GROUP_FIELDS: Readonly<Record<string, readonly string[]>> = {
  "CRM Lead": ["status", "source", "team", "lead_owner"],
  "CRM Deal": ["status", "team", "deal_owner"],
  "CRM Organization": ["team", "organization_owner", "industry"],
  "CRM Task": ["status", "priority", "assigned_to", "team"],
};

/** Refuses a field `doctype` may not be grouped by, as a field error on `path` (the input's key). */
export function assertGroupable(doctype: string, field: string, path: string): void {
  const allowed = CRM_GROUP_FIELDS[doctype] ?? [];
  if (!allowed.includes(field)) throw AppError.validation([{ field: path, message: allowed.length ? `${doctype} cannot be grouped by ${field} (one of: ${allowed.join(", ")})` : `${doctype} cannot be grouped` }]);
}

export interface GroupCountInput {
  field: string;
  /** Equality filters, as the list takes them (`null` matches an empty field). */
  filters?: readonly { field: string; value: string | number | null }[] | undefined;
  search?: string | undefined;
}

export interface GroupCount {
  /** The field's value; null for rows where it is empty. */
  value: string | null;
  count: number;
}

/** A column equality filters may name: a declared field every CRM reader may read, or the record's name or owner. */
function filterColumn(dt: DocTypeDef, field: string): AnyMySqlColumn | undefined {
  if (field === "name" || field === "owner") return dt.standard[field];
  const def = dt.fields[field];
  return def && !def.hidden && !def.internal && !def.category ? def.column : undefined;
}

/** The list's equality filters and free-text search (prefix match on the name and the search fields, as the scoped list does) as SQL. */
function conditions(dt: DocTypeDef, input: GroupCountInput): SQL | undefined {
  const issues: FieldIssue[] = [];
  const parts: SQL[] = [];
  for (const filter of input.filters ?? []) {
    const column = filterColumn(dt, filter.field);
    if (!column) { issues.push({ field: `filters.${filter.field}`, message: `unknown field ${filter.field}` }); continue; }
    const numeric = dt.fields[filter.field]?.type === "int" || dt.fields[filter.field]?.type === "currency";
    parts.push(filter.value === null ? isNull(column) : eq(column, numeric ? Number(filter.value) : filter.value));
  }
  if (issues.length) throw AppError.validation(issues);
  const term = input.search?.trim();
  if (term) {
    const pattern = `${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const columns = [dt.standard.name, ...(dt.searchFields ?? []).map((f) => filterColumn(dt, f)).filter((c): c is AnyMySqlColumn => !!c)];
    parts.push(or(...columns.map((c) => like(c, pattern))) as SQL);
  }
  return parts.length ? and(...parts) : undefined;
}

/**
 * How many of the caller's records (the scoped predicate, as the list) fall under each value of a
 * groupable field, for the same filters and search as the list: one GROUP BY statement. Ordered as the
 * list orders a grouped page (the value ascending, empty first), so headings and rows agree; NULL and
 * "" are one group (`value: null`).
 */
export async function groupCounts(scoped: ScopedDb, doctype: string, input: GroupCountInput): Promise<GroupCount[]> {
  assertGroupable(doctype, input.field, "field");
  const dt = scoped.doctype(doctype);
  const column = dt.fields[input.field]!.column;
  const rows = await scoped.selectScoped<{ value: unknown; n: unknown }>(doctype, { value: column, n: count().as("n") }, conditions(dt, input), { groupBy: [column], orderBy: [asc(column)] });
  const out: GroupCount[] = [];
  for (const row of rows) {
    const value = row.value === null || row.value === "" ? null : String(row.value);
    const last = out.at(-1);
    if (last && last.value === value) last.count += Number(row.n);
    else out.push({ value, count: Number(row.n) });
  }
  return out;
}
