import { IMPORT_COLUMNS, type ImportTarget } from "./targets";

export type HeaderCheck = { ok: true; columns: string[] } | { ok: false; problem: string; expected: string };

/**
 * The header row must name exactly the target's columns, in any order: names are compared trimmed and
 * lower-cased (a BOM from Excel is ignored). Anything else is refused with the expected header, so
 * the user can fix the file rather than import data into the wrong fields.
 */
export function checkHeader(cells: readonly string[], target: ImportTarget): HeaderCheck {
  const expectedColumns: readonly string[] = IMPORT_COLUMNS[target];
  const expected = expectedColumns.join(",");
  const columns = cells.map((c, i) => (i === 0 ? c.replace(/^\uFEFF/, "") : c).trim().toLowerCase());
  const problems: string[] = [];
  const repeated = [...new Set(columns.filter((c, i) => columns.indexOf(c) !== i))];
  const unknown = columns.filter((c) => !expectedColumns.includes(c));
  const missing = expectedColumns.filter((c) => !columns.includes(c));
  if (repeated.length) problems.push(`repeated column${repeated.length > 1 ? "s" : ""} ${repeated.join(", ")}`);
  if (unknown.length) problems.push(`unexpected column${unknown.length > 1 ? "s" : ""} ${unknown.map((c) => c || "(empty)").join(", ")}`);
  if (missing.length) problems.push(`missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`);
  if (problems.length) return { ok: false, expected, problem: `The header does not match: ${problems.join("; ")}. Expected header: ${expected}` };
  return { ok: true, columns };
}
