/**
 * CRM import/export (issue 6): CSV import planning (dry run) for leads and contacts, and CSV export
 * of any list view. See README.md beside this file.
 */
export { planImport, type DuplicateLookup, type ExistingMatches, type ImportDuplicate, type ImportPlan, type PlannedRow, type PlanOptions } from "./plan";
export { toCsv, protectCell, type ExportColumn } from "./export";
export { checkHeader, type HeaderCheck } from "./header";
export { DEFAULT_LEAD_STATUSES, IMPORT_COLUMNS, type ImportColumn, type ImportTarget } from "./targets";
export { emailKey, phoneKey } from "./normalise";
export type { ImportIssue, RowValues } from "./validate-row";
