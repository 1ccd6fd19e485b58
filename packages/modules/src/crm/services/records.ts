import type { Doc, Filter, ScopedDb } from "@orchestrator/db";
import { assertGroupable } from "./groups";

/** The CRM records the router serves, by the key it uses. */
export const CRM_RECORDS = { leads: "CRM Lead", deals: "CRM Deal", organizations: "CRM Organization", tasks: "CRM Task", notes: "CRM Note", calls: "CRM Call Log", messages: "CRM SMS Log", communications: "Communication", emailTemplates: "Email Template" } as const;
export type CrmRecordKind = keyof typeof CRM_RECORDS;

/** Operators a list filter may use; `=` when absent. `in` / `not in` take a list. */
export const RECORD_FILTER_OPERATORS = ["=", "!=", "<", ">", "<=", ">=", "in", "not in"] as const;
export type RecordFilterOperator = (typeof RECORD_FILTER_OPERATORS)[number];

export interface RecordListInput {
  filters?: { field: string; operator?: RecordFilterOperator | undefined; value: string | number | null | (string | number)[] }[] | undefined;
  search?: string | undefined;
  /** A readable field to sort by (the scoped layer refuses others); newest change first when absent. */
  sort?: { field: string; direction: "asc" | "desc" } | undefined;
  /** A groupable field (`CRM_GROUP_FIELDS`): rows come ordered by it first (ascending, empty first), then by `sort`, so a page's rows fall under their group's heading. */
  groupBy?: string | undefined;
  page: number;
  pageSize: number;
}

/** A page of records in the caller's scope (their own and their teams'), newest change first (or grouped, then sorted), with the total. */
export async function listRecords(scoped: ScopedDb, doctype: string, input: RecordListInput): Promise<{ rows: Record<string, unknown>[]; total: number }> {
  const filters: Filter[] = (input.filters ?? []).map((f) => ({ field: f.field, operator: f.operator ?? "=", value: f.value }));
  const query = { filters, search: input.search };
  const sort = input.sort ?? { field: "modified", direction: "desc" as const };
  if (input.groupBy) assertGroupable(doctype, input.groupBy, "groupBy");
  const orderBy = input.groupBy ? [{ field: input.groupBy, direction: "asc" as const }, ...(sort.field === input.groupBy ? [{ field: "modified", direction: "desc" as const }] : [sort])] : [sort];
  const [rows, total] = await Promise.all([
    scoped.list(doctype, { ...query, fields: ["*"], orderBy, start: (input.page - 1) * input.pageSize, limit: input.pageSize }),
    scoped.count(doctype, query, { cap: 10_000 }),
  ]);
  return { rows, total };
}

export const getRecord = (scoped: ScopedDb, doctype: string, name: string): Promise<Doc> => scoped.get(doctype, name);
export const createRecord = (scoped: ScopedDb, doctype: string, values: Record<string, unknown>): Promise<Doc> => scoped.insert(doctype, values);
export const updateRecord = (scoped: ScopedDb, doctype: string, name: string, values: Record<string, unknown>, modified?: string): Promise<Doc> => scoped.update(doctype, name, values, { expectedModified: modified });
