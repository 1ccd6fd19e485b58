import { AppError, type Filter, type OrderBy, type ScopedDb } from "@orchestrator/db";
import { toCsv } from "../import";

/** The list views that export, with the columns a file gets when the caller names none. */
export const EXPORT_DEFAULT_FIELDS = {
  "CRM Lead": ["name", "first_name", "last_name", "email", "mobile_no", "organization", "status", "source", "lead_owner", "team", "modified"],
  "CRM Deal": ["name", "organization", "status", "amount", "currency", "probability", "expected_close_date", "deal_owner", "team", "modified"],
  "CRM Organization": ["name", "organization_name", "website", "industry", "organization_owner", "team", "modified"],
  "CRM Task": ["name", "title", "status", "priority", "due_date", "assigned_to", "reference_doctype", "reference_docname", "team", "modified"],
} as const;
export type ExportDoctype = keyof typeof EXPORT_DEFAULT_FIELDS;
export const EXPORT_DOCTYPES = Object.keys(EXPORT_DEFAULT_FIELDS) as ExportDoctype[];

/** Rows per file: a list bigger than this is cut (the result says so), never streamed unbounded. */
export const EXPORT_MAX_ROWS = 10_000;

export interface ExportInput {
  doctype: ExportDoctype;
  filters?: readonly Filter[] | undefined;
  fields?: readonly string[] | undefined;
  search?: string | undefined;
  /** The list view's order (a grouped view: its group field first); newest change first when absent. */
  orderBy?: readonly OrderBy[] | undefined;
}

export interface ExportResult {
  csv: string;
  filename: string;
  rows: number;
  /** More rows matched than EXPORT_MAX_ROWS. */
  truncated: boolean;
}

/**
 * A list view as CSV: the caller's rows only (the scoped list, the same predicate as the page), in the
 * given columns (or the DocType's defaults) and the view's order (newest change first by default), cut
 * at EXPORT_MAX_ROWS. A column the caller may not read, or that does not exist, is a field error
 * rather than an empty column.
 */
export async function exportCsv(scoped: ScopedDb, input: ExportInput): Promise<ExportResult> {
  const fields = input.fields?.length ? [...new Set(input.fields)] : [...EXPORT_DEFAULT_FIELDS[input.doctype]];
  const dt = scoped.doctype(input.doctype);
  const unknown = fields.filter((f) => !(f in dt.fields) && !["name", "creation", "modified", "owner", "modified_by"].includes(f));
  if (unknown.length) throw AppError.validation([{ field: "fields", message: `Unknown field${unknown.length > 1 ? "s" : ""} of ${input.doctype}: ${unknown.join(", ")}` }]);
  const rows = await scoped.list(input.doctype, { fields, filters: input.filters ?? [], search: input.search, orderBy: input.orderBy?.length ? input.orderBy : [{ field: "modified", direction: "desc" }], limit: EXPORT_MAX_ROWS + 1 });
  const truncated = rows.length > EXPORT_MAX_ROWS;
  const kept = truncated ? rows.slice(0, EXPORT_MAX_ROWS) : rows;
  const slug = input.doctype.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return { csv: toCsv(kept, fields, { bom: true }), filename: `${slug}-${new Date().toISOString().slice(0, 10)}.csv`, rows: kept.length, truncated };
}
