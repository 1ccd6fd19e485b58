import { AppError, AppErrorCode } from "@orchestrator/db";
import Papa from "papaparse";
import { checkHeader, type HeaderCheck } from "./header";
import { DEFAULT_LEAD_STATUSES, IMPORT_COLUMNS, PHONE_COLUMN, type ImportTarget } from "./targets";
import { validateRow, type ImportIssue, type RowValues } from "./validate-row";

/** Existing records by normalised e-mail / E.164 phone → the record's name (e.g. CRM-LEAD-0003). */
export interface ExistingMatches {
  emails: ReadonlyMap<string, string>;
  phones: ReadonlyMap<string, string>;
}

/** Asked once per file with every normalised key in it; answers which already exist (one query for the caller). */
export type DuplicateLookup = (keys: { emails: string[]; phones: string[] }) => Promise<ExistingMatches>;

export interface ImportDuplicate {
  row: number;
  field: string;
  kind: "in_file" | "existing";
  /** in_file: the earlier row with the same value. */
  duplicateOfRow?: number;
  /** existing: the record that already has it. */
  existing?: string;
}

export interface PlannedRow {
  row: number;
  /** invalid: has problems; duplicate: valid but its e-mail or phone is taken; valid: would be imported. */
  status: "valid" | "invalid" | "duplicate";
  values: RowValues;
  issues: ImportIssue[];
}

export interface ImportPlan {
  target: ImportTarget;
  header: HeaderCheck;
  rows: PlannedRow[];
  /** The dry-run report: every problem (duplicates included), by row. */
  issues: ImportIssue[];
  duplicates: ImportDuplicate[];
  counts: { rows: number; valid: number; invalid: number; duplicate: number };
}

export interface PlanOptions {
  /** The CRM Lead status list (default: Frappe CRM's). */
  leadStatuses?: readonly string[];
  /** Default 5000 records. */
  maxRows?: number;
  /** Default 5 MB of text. */
  maxChars?: number;
}

const emptyCounts = { rows: 0, valid: 0, invalid: 0, duplicate: 0 };

/**
 * A dry run of a CSV import: header check, per-row validation and duplicate detection on e-mail and
 * phone (within the file: later rows are the duplicates; against the CRM through `lookup`). Writes
 * nothing; the caller imports the rows whose status is "valid". Pure apart from `lookup`.
 */
export async function planImport(csvText: string, target: ImportTarget, lookup?: DuplicateLookup, options: PlanOptions = {}): Promise<ImportPlan> {
  const maxChars = options.maxChars ?? 5_000_000;
  if (csvText.length > maxChars) throw new AppError(AppErrorCode.PayloadTooLarge, `The file is larger than ${Math.round(maxChars / 1_000_000)} MB`);
  const parsed = Papa.parse<string[]>(csvText, { header: false, skipEmptyLines: "greedy" });
  const [headerCells, ...records] = parsed.data;
  const header: HeaderCheck = headerCells ? checkHeader(headerCells, target) : { ok: false, expected: IMPORT_COLUMNS[target].join(","), problem: `The file is empty. Expected header: ${IMPORT_COLUMNS[target].join(",")}` };
  if (!header.ok) return { target, header, rows: [], issues: [{ row: 1, field: "header", problem: header.problem }], duplicates: [], counts: emptyCounts };
  const maxRows = options.maxRows ?? 5000;
  if (records.length > maxRows) throw new AppError(AppErrorCode.PayloadTooLarge, `The file has ${records.length} rows; import at most ${maxRows} at a time`);

  // Papa's parse errors (e.g. an unclosed quote) by spreadsheet row; its row index counts the header.
  const parseErrors = new Map<number, string>();
  for (const e of parsed.errors) if (typeof e.row === "number") parseErrors.set(e.row + 1, e.message);

  const leadStatuses = options.leadStatuses ?? DEFAULT_LEAD_STATUSES;
  const rows: PlannedRow[] = records.map((cells, index) => {
    const row = index + 2;
    const issues: ImportIssue[] = [];
    const parseError = parseErrors.get(row);
    if (parseError) issues.push({ row, field: "row", problem: `Unreadable CSV: ${parseError}` });
    if (cells.length !== header.columns.length) issues.push({ row, field: "row", problem: `Has ${cells.length} cells where the header has ${header.columns.length}` });
    const raw = Object.fromEntries(header.columns.map((column, i) => [column, cells[i] ?? ""]));
    const checked = validateRow(target, row, raw, leadStatuses);
    issues.push(...checked.issues);
    return { row, status: issues.length ? "invalid" : "valid", values: checked.values, issues };
  });

  const duplicates = await findDuplicates(rows, target, lookup);
  for (const d of duplicates) {
    const planned = rows[d.row - 2]!;
    planned.issues.push({ row: d.row, field: d.field, problem: d.kind === "in_file" ? `Same ${label(d.field)} as row ${d.duplicateOfRow}` : `${capital(label(d.field))} already belongs to ${d.existing}` });
    if (planned.status === "valid") planned.status = "duplicate";
  }
  const count = (s: PlannedRow["status"]) => rows.filter((r) => r.status === s).length;
  return { target, header, rows, issues: rows.flatMap((r) => r.issues), duplicates, counts: { rows: rows.length, valid: count("valid"), invalid: count("invalid"), duplicate: count("duplicate") } };
}

const label = (field: string) => (field === "email" ? "e-mail" : "phone number");
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Only well-formed values count: an invalid e-mail is reported as invalid, not as a duplicate. */
function keyOf(planned: PlannedRow, field: string): string | null {
  if (planned.issues.some((i) => i.field === field)) return null;
  return planned.values[field] ?? null;
}

async function findDuplicates(rows: readonly PlannedRow[], target: ImportTarget, lookup: DuplicateLookup | undefined): Promise<ImportDuplicate[]> {
  const fields = ["email", PHONE_COLUMN[target]] as const;
  const firstRow = new Map<string, number>();
  const out: ImportDuplicate[] = [];
  for (const planned of rows) {
    for (const field of fields) {
      const key = keyOf(planned, field);
      if (!key) continue;
      const earlier = firstRow.get(`${field}:${key}`);
      if (earlier === undefined) firstRow.set(`${field}:${key}`, planned.row);
      else out.push({ row: planned.row, field, kind: "in_file", duplicateOfRow: earlier });
    }
  }
  if (!lookup) return out;
  const keys = { emails: [...new Set(rows.map((r) => keyOf(r, "email")).filter((k): k is string => k !== null))], phones: [...new Set(rows.map((r) => keyOf(r, fields[1])).filter((k): k is string => k !== null))] };
  if (!keys.emails.length && !keys.phones.length) return out;
  const existing = await lookup(keys);
  for (const planned of rows) {
    for (const field of fields) {
      const key = keyOf(planned, field);
      const name = key === null ? undefined : (field === "email" ? existing.emails : existing.phones).get(key);
      if (name !== undefined) out.push({ row: planned.row, field, kind: "existing", existing: name });
    }
  }
  return out.sort((a, b) => a.row - b.row);
}
