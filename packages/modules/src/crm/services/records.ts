import type { Doc, Filter, ScopedDb } from "@orchestrator/db";

/** The CRM records the router serves, by the key it uses. */
export const CRM_RECORDS = { leads: "CRM Lead", deals: "CRM Deal", organizations: "CRM Organization", tasks: "CRM Task", notes: "CRM Note" } as const;
export type CrmRecordKind = keyof typeof CRM_RECORDS;

export interface RecordListInput {
  filters?: { field: string; value: string | number | null }[] | undefined;
  search?: string | undefined;
  /** A readable field to sort by (the scoped layer refuses others); newest change first when absent. */
  sort?: { field: string; direction: "asc" | "desc" } | undefined;
  page: number;
  pageSize: number;
}

/** A page of records in the caller's scope (their own and their teams'), newest change first, with the total. */
export async function listRecords(scoped: ScopedDb, doctype: string, input: RecordListInput): Promise<{ rows: Record<string, unknown>[]; total: number }> {
  const filters: Filter[] = (input.filters ?? []).map((f) => ({ field: f.field, operator: "=", value: f.value }));
  const query = { filters, search: input.search };
  const [rows, total] = await Promise.all([
    scoped.list(doctype, { ...query, fields: ["*"], orderBy: [input.sort ?? { field: "modified", direction: "desc" }], start: (input.page - 1) * input.pageSize, limit: input.pageSize }),
    scoped.count(doctype, query, { cap: 10_000 }),
  ]);
  return { rows, total };
}

export const getRecord = (scoped: ScopedDb, doctype: string, name: string): Promise<Doc> => scoped.get(doctype, name);
export const createRecord = (scoped: ScopedDb, doctype: string, values: Record<string, unknown>): Promise<Doc> => scoped.insert(doctype, values);
export const updateRecord = (scoped: ScopedDb, doctype: string, name: string, values: Record<string, unknown>, modified?: string): Promise<Doc> => scoped.update(doctype, name, values, { expectedModified: modified });

/** Notes, tasks, calls and messages about any of `references` (a deal and the lead it came from), oldest first. */
export async function activitiesOf(scoped: ScopedDb, references: { doctype: string; name: string }[]): Promise<Record<string, Record<string, unknown>[]>> {
  const out: Record<string, Record<string, unknown>[]> = {};
  const kinds = { notes: "CRM Note", tasks: "CRM Task", calls: "CRM Call Log", messages: "CRM SMS Log" } as const;
  await Promise.all(
    Object.entries(kinds).map(async ([key, doctype]) => {
      const rows = await Promise.all(references.map((r) => scoped.list(doctype, { filters: [{ field: "reference_doctype", operator: "=", value: r.doctype }, { field: "reference_docname", operator: "=", value: r.name }], fields: ["*"], orderBy: [{ field: "creation", direction: "asc" }], limit: 0 })));
      out[key] = rows.flat();
    }),
  );
  return out;
}
