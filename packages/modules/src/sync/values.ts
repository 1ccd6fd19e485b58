import { syncedFields, type SyncedField, type SyncedValues } from "./adapter";

/** Stored and incoming values compare as JSON (dates are `YYYY-MM-DD` strings on both sides). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** A date column read back as a Date or a longer string, as `YYYY-MM-DD`. */
function asDay(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : value;
}

/** The synced fields of a client row (or of stored values), normalised for comparison. */
export function syncedValuesOf(row: Readonly<Record<string, unknown>>): Record<SyncedField, unknown> {
  const out = {} as Record<SyncedField, unknown>;
  for (const field of syncedFields) {
    const value = row[field] ?? null;
    out[field] = field === "dob" || field === "admission_date" || field === "discharge_date" ? asDay(value) : value;
  }
  return out;
}

/**
 * The duplicate check's key: lower case, accents stripped, whitespace collapsed, first and last name
 * plus date of birth. No date of birth, no key: a name alone is too weak to propose a merge.
 */
export function duplicateKey(values: Pick<SyncedValues, "first_name" | "last_name" | "dob"> | Readonly<Record<string, unknown>>): string | null {
  const dob = asDay(values.dob);
  if (typeof dob !== "string" || !dob) return null;
  const norm = (v: unknown) =>
    String(v ?? "")
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/\s+/g, " ")
      .trim();
  const first = norm(values.first_name);
  const last = norm(values.last_name);
  if (!first || !last) return null;
  return `${first}|${last}|${dob}`;
}
