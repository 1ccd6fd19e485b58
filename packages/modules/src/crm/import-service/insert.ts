import { AppError, AppErrorCode, type ScopedDb } from "@orchestrator/db";
import type { ImportIssue, ImportTarget, PlannedRow } from "../import";

export interface InsertOutcome {
  names: string[];
  /** Rows the records' own rules refused at insert (e.g. an unknown lead source), as report lines. */
  refused: ImportIssue[];
}

/** A refusal's field errors as report lines of `row` (one line when the error names no field). */
function issuesOf(row: number, error: AppError): ImportIssue[] {
  const fields = error.fieldErrors ?? [];
  return fields.length ? fields.map((f) => ({ row, field: f.field, problem: f.message })) : [{ row, field: "row", problem: error.message }];
}

const leadBody = (v: PlannedRow["values"]) => ({ first_name: v.first_name, last_name: v.last_name, email: v.email, mobile_no: v.mobile_no, organization: v.organization, source: v.source, status: v.status });

const contactBody = (v: PlannedRow["values"]) => ({
  first_name: v.first_name,
  last_name: v.last_name,
  customer: v.customer,
  email_ids: v.email ? [{ email_id: v.email, is_primary: 1 }] : [],
  phone_nos: v.phone ? [{ phone: v.phone, is_primary: 1 }] : [],
});

/**
 * Inserts the valid rows in the caller's transaction, each through the scoped layer (permission,
 * validation, team stamping, a Version row). Leads go in as one `insertMany`; contacts have child rows
 * (e-mails, phones), so each is an `insert` in its own savepoint. A row its record's rules refuse is
 * reported, not written; any other error (no permission) aborts the whole import.
 */
export async function insertRows(tx: ScopedDb, target: ImportTarget, rows: readonly PlannedRow[], team?: string): Promise<InsertOutcome> {
  const out: InsertOutcome = { names: [], refused: [] };
  if (target === "leads") {
    const outcomes = await tx.insertMany("CRM Lead", rows.map((r) => ({ body: { ...leadBody(r.values), ...(team ? { team } : {}) } })));
    outcomes.forEach((o, i) => (o.ok ? out.names.push(o.name) : out.refused.push(...issuesOf(rows[i]!.row, o.error))));
    return out;
  }
  for (const planned of rows) {
    try {
      out.names.push((await tx.transaction((sp) => sp.insert("Contact", contactBody(planned.values)))).name);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== AppErrorCode.Validation) throw error;
      out.refused.push(...issuesOf(planned.row, error));
    }
  }
  return out;
}
