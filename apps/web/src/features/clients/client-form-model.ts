/**
 * The Client form's values, client-side checks (for speed; the server is the truth), the diff
 * sent on update, and the draft kept across an expired session.
 */
export const formFields = ["first_name", "last_name", "dob", "status", "admission_date", "discharge_date", "department"] as const;
export type FormField = (typeof formFields)[number];
export type FormValues = Record<FormField, string>;
export type FieldErrors = Partial<Record<FormField, string>> & { form?: string };

export const fieldLabels: Record<FormField, string> = {
  first_name: "First name",
  last_name: "Last name",
  dob: "Date of birth",
  status: "Status",
  admission_date: "Admission date",
  discharge_date: "Discharge date",
  department: "Department",
};

export const clientStatusOptions = ["pending", "active", "discharged"] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isRealDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

export function emptyValues(department = ""): FormValues {
  return { first_name: "", last_name: "", dob: "", status: "pending", admission_date: "", discharge_date: "", department };
}

/** A document (or part of one) as form values: missing and null become "". */
export function valuesFrom(doc: Record<string, unknown>): FormValues {
  const out = emptyValues();
  for (const f of formFields) {
    const v = doc[f];
    out[f] = v === null || v === undefined ? "" : String(v).slice(0, f.endsWith("dob") || f.endsWith("_date") ? 10 : undefined);
  }
  return out;
}

/** Fields the user changed relative to `base`. */
export function changedFields(values: FormValues, base: FormValues): Partial<FormValues> {
  const out: Partial<FormValues> = {};
  for (const f of formFields) if (values[f] !== base[f]) out[f] = values[f];
  return out;
}

/** Quick checks before a round trip: required fields, date shapes, discharge not before admission. */
export function validate(values: FormValues, fields: readonly FormField[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const f of ["first_name", "last_name", "department"] as const) {
    if (fields.includes(f) && !values[f].trim()) errors[f] = `${fieldLabels[f]} is required`;
  }
  for (const f of ["dob", "admission_date", "discharge_date"] as const) {
    if (fields.includes(f) && values[f] && !isRealDate(values[f])) errors[f] = `${fieldLabels[f]} must be a date (YYYY-MM-DD)`;
  }
  if (!errors.admission_date && !errors.discharge_date && values.admission_date && values.discharge_date && values.discharge_date < values.admission_date) {
    errors.discharge_date = "Discharge date cannot be before the admission date";
  }
  if (values.dob && !errors.dob && values.dob > new Date().toISOString().slice(0, 10)) errors.dob = "Date of birth cannot be in the future";
  return errors;
}

/** Form values as a document body: empty optional fields are sent as null (cleared). */
export function toBody(values: Partial<FormValues>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(values)) out[k] = v === "" ? null : v.trim();
  return out;
}

/** Server field errors (`{field, message}`) mapped onto the form; unknown fields go to the form-level message. */
export function fromServerErrors(list: readonly { field: string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  const other: string[] = [];
  for (const e of list) {
    if ((formFields as readonly string[]).includes(e.field)) errors[e.field as FormField] ??= e.message;
    else other.push(e.message);
  }
  if (other.length) errors.form = other.join(" ");
  return errors;
}

// --- draft kept across a sign-in (session expired mid-edit) ----------------------------------------

export interface Draft {
  values: FormValues;
  /** The version the user was editing (edit only). */
  modified?: string;
  /** Who was editing: a draft is only ever restored for the same user. */
  user?: string;
  /** The save was refused because the session had ended: complete it once signed in again. */
  resume?: boolean;
}

const draftKey = (client: string) => `orchestrator:client-draft:${client}`;

export function saveDraft(client: string, draft: Draft): void {
  try {
    sessionStorage.setItem(draftKey(client), JSON.stringify(draft));
  } catch {
    /* storage full or disabled: nothing to keep */
  }
}

export function takeDraft(client: string): Draft | undefined {
  try {
    const raw = sessionStorage.getItem(draftKey(client));
    if (!raw) return undefined;
    sessionStorage.removeItem(draftKey(client));
    const parsed = JSON.parse(raw) as Draft;
    return parsed && typeof parsed === "object" && parsed.values ? { values: { ...emptyValues(), ...parsed.values }, modified: parsed.modified, user: parsed.user, resume: parsed.resume === true } : undefined;
  } catch {
    return undefined;
  }
}

export function clearDraft(client: string): void {
  try {
    sessionStorage.removeItem(draftKey(client));
  } catch {
    /* ignore */
  }
}

