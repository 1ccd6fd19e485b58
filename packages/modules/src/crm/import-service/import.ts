import { AppError, type ScopedDb } from "@orchestrator/db";
import { planImport, type ImportDuplicate, type ImportIssue, type ImportPlan, type ImportTarget } from "../import";
import { insertRows } from "./insert";
import { scopedDuplicateLookup } from "./lookup";
import { checkImportTeam } from "./team";
import { importToken } from "./token";

export interface ImportCounts {
  rows: number;
  valid: number;
  invalid: number;
  duplicate: number;
}

export interface ImportPreview {
  target: ImportTarget;
  /** Pass it to `importConfirm` with the same text. */
  token: string;
  counts: ImportCounts;
  /** The dry-run report: every problem of every bad row (duplicates included), by row. */
  issues: ImportIssue[];
  duplicates: ImportDuplicate[];
}

export interface ImportResult {
  target: ImportTarget;
  /** Records created (names in file order). */
  imported: string[];
  counts: ImportCounts & { imported: number; refused: number };
  /** Every bad row again, plus the rows the records' own rules refused at insert. */
  issues: ImportIssue[];
}

/** Plans the file against the caller's records; a file whose header is wrong is refused (BAD_REQUEST) with the expected header. */
async function plan(scoped: ScopedDb, target: ImportTarget, csv: string): Promise<ImportPlan> {
  const planned = await planImport(csv, target, scopedDuplicateLookup(scoped, target));
  if (!planned.header.ok) throw AppError.validation([{ field: "csv", message: planned.header.problem }]);
  return planned;
}

/** The dry run of a CSV import of leads or contacts: writes nothing. */
export async function previewImport(scoped: ScopedDb, input: { target: ImportTarget; csv: string; team?: string | undefined }): Promise<ImportPreview> {
  if (input.target === "leads") await checkImportTeam(scoped, input.team);
  const planned = await plan(scoped, input.target, input.csv);
  return { target: input.target, token: importToken(input.target, input.csv), counts: planned.counts, issues: planned.issues, duplicates: planned.duplicates };
}

/**
 * The confirmed import (new leads in `team` when given): the same text planned again (the token must be the preview's), then only the
 * valid, non-duplicate rows inserted in one transaction, each audited. Planned inside the transaction,
 * so rows imported since the preview (a second confirm of the same file) are duplicates now.
 */
export async function confirmImport(scoped: ScopedDb, input: { target: ImportTarget; csv: string; token: string; team?: string | undefined }): Promise<ImportResult> {
  if (input.target === "leads") await checkImportTeam(scoped, input.team);
  if (input.token !== importToken(input.target, input.csv)) throw AppError.validation([{ field: "token", message: "This is not the file that was previewed: preview it again" }]);
  return scoped.transaction(async (tx) => {
    const planned = await plan(tx, input.target, input.csv);
    const valid = planned.rows.filter((r) => r.status === "valid");
    const { names, refused } = await insertRows(tx, input.target, valid, input.target === "leads" ? input.team : undefined);
    const issues = [...planned.issues, ...refused].sort((a, b) => a.row - b.row);
    return { target: input.target, imported: names, counts: { ...planned.counts, imported: names.length, refused: new Set(refused.map((i) => i.row)).size }, issues };
  });
}
