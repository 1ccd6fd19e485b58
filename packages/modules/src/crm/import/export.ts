import Papa from "papaparse";

export type ExportColumn = string | { field: string; label: string };

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection"): such cells
 * get a leading apostrophe so Excel/LibreOffice/Sheets show them as text. Plain numbers ("-12.5",
 * an E.164 "+15005550006") are left alone: they cannot call anything, and a quote would spoil them.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

export function protectCell(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return JSON.stringify(value);
}

/**
 * A list view as CSV (RFC 4180 through papaparse: quotes only where needed, CRLF line ends), in the
 * given column order, with formula-injection protection on every cell and header. `bom` adds the
 * UTF-8 byte order mark Excel needs to read accents correctly.
 */
export function toCsv(rows: readonly Readonly<Record<string, unknown>>[], columns: readonly ExportColumn[], options: { bom?: boolean } = {}): string {
  const specs = columns.map((c) => (typeof c === "string" ? { field: c, label: c } : c));
  const csv = Papa.unparse(
    { fields: specs.map((s) => protectCell(s.label)), data: rows.map((row) => specs.map((s) => protectCell(cellText(row[s.field])))) },
    { newline: "\r\n", escapeFormulae: false },
  );
  return options.bom ? `\uFEFF${csv}` : csv;
}
