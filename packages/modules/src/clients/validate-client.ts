import { AppError, type ValidateEvent } from "@orchestrator/db";

/** A stored or submitted date as `YYYY-MM-DD` (dates come back from MariaDB as strings or Dates). */
function isoDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  return typeof value === "string" && value ? value.slice(0, 10) : null;
}

/**
 * The Client's own rules, checked on the server for every write (web form, REST, sync) on the
 * document as it will be stored, so an update that changes only one of the dates is checked
 * against the other one already saved.
 */
export async function validateClient(_scoped: unknown, event: ValidateEvent): Promise<void> {
  const admission = isoDate(event.doc.admission_date);
  const discharge = isoDate(event.doc.discharge_date);
  if (admission && discharge && discharge < admission) {
    throw AppError.validation([{ field: "discharge_date", message: "Discharge date cannot be before the admission date" }]);
  }
}
