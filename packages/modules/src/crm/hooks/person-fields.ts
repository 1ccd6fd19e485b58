import { checkEmail, checkPhone } from "../../contacts/validate-contact";

export type FieldIssue = { field: string; message: string };

const filled = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";

/**
 * Checks the e-mail and phone fields a write sets (the Contact's rules: `validate-contact.ts`), one
 * issue per malformed field; returns the normalised values (addresses lower-case, trimmed).
 */
export function checkContactFields(doc: Readonly<Record<string, unknown>>, changed: readonly string[], fields: { emails?: readonly string[]; phones?: readonly string[] }, issues: FieldIssue[]): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  for (const field of fields.emails ?? []) {
    const value = doc[field];
    if (!changed.includes(field) || !filled(value)) continue;
    const problem = checkEmail(value);
    if (problem) issues.push({ field, message: problem });
    else if (value !== value.trim().toLowerCase()) set[field] = value.trim().toLowerCase();
  }
  for (const field of fields.phones ?? []) {
    const value = doc[field];
    if (!changed.includes(field) || !filled(value)) continue;
    const problem = checkPhone(value);
    if (problem) issues.push({ field, message: problem });
  }
  return set;
}

export const str = (v: unknown): string | null => (typeof v === "string" && v ? v : null);
