import { checkEmail, checkPhone } from "../../contacts/validate-contact";
import { emailKey, phoneKey } from "./normalise";
import { MAX_CELL, PHONE_COLUMN, type ImportTarget } from "./targets";

export interface ImportIssue {
  /** The spreadsheet row: the header is row 1, the first record row 2. */
  row: number;
  field: string;
  problem: string;
}

export type RowValues = Record<string, string | null>;

/**
 * One record's checks and normalised values: required first name, valid e-mail and phone when given
 * (the contacts module's checks), a known lead status (matched case-insensitively, default the first
 * status), cell lengths. Empty cells become null.
 */
export function validateRow(target: ImportTarget, row: number, raw: Readonly<Record<string, string>>, leadStatuses: readonly string[]): { values: RowValues; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const values: RowValues = {};
  for (const [field, cell] of Object.entries(raw)) {
    const text = cell.trim();
    values[field] = text === "" ? null : text;
    if (text.length > MAX_CELL) issues.push({ row, field, problem: `Longer than ${MAX_CELL} characters` });
  }
  if (!values.first_name) issues.push({ row, field: "first_name", problem: "First name is required" });

  if (values.email) {
    const problem = checkEmail(values.email);
    if (problem) issues.push({ row, field: "email", problem });
    else values.email = emailKey(values.email);
  }
  const phoneField = PHONE_COLUMN[target];
  const phone = values[phoneField];
  if (phone) {
    const problem = checkPhone(phone);
    if (problem) issues.push({ row, field: phoneField, problem });
    else values[phoneField] = phoneKey(phone);
  }

  if (target === "leads") {
    if (!values.status) values.status = leadStatuses[0] ?? null;
    else {
      const known = leadStatuses.find((s) => s.toLowerCase() === values.status!.toLowerCase());
      if (known) values.status = known;
      else issues.push({ row, field: "status", problem: `Unknown status "${values.status}" (one of: ${leadStatuses.join(", ")})` });
    }
  }
  return { values, issues };
}
