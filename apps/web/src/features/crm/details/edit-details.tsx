"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import { Button } from "~/components/ui/button";
import { formErrors } from "~/trpc/error-code";
import { SelectField, TextField } from "../form-fields";
import { text } from "../format";

export interface EditableField {
  name: string;
  label: string;
  type?: "text" | "email" | "tel" | "number" | "date" | "select";
  /** For selects: the options (the empty option is "—"). */
  options?: readonly string[];
  maxLength?: number;
}

type Values = Record<string, string>;

/** The form's text for a stored value ("" for none; a date as YYYY-MM-DD). */
function valueOf(field: EditableField, value: unknown): string {
  if (value === null || value === undefined) return "";
  if (field.type === "date") return text(value).slice(0, 10);
  return typeof value === "number" ? String(value) : text(value);
}

/** Only what changed, as the server takes it: "" clears a field, a number field sends a number. */
export function changedValues(fields: readonly EditableField[], doc: Record<string, unknown>, values: Values): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const next = values[f.name] ?? "";
    if (next === valueOf(f, doc[f.name])) continue;
    out[f.name] = next.trim() === "" ? null : f.type === "number" ? Number(next) : next.trim();
  }
  return out;
}

/**
 * A record's details with "Edit": the read-only list, or a form of `fields` whose save sends only the
 * changed values (with the record's `modified`, so someone else's change in between is a conflict,
 * not an overwrite). The server's field errors land under their fields; nothing typed is lost.
 */
export function EditDetails({ label, doc, fields, view, saving, onSave }: {
  /** "lead", "deal": in the buttons' names. */
  label: string;
  doc: Record<string, unknown>;
  fields: readonly EditableField[];
  /** The read-only view. */
  view: ReactNode;
  saving: boolean;
  /** Resolves when saved; rejects with the server's error. */
  onSave: (values: Record<string, unknown>) => Promise<unknown>;
}) {
  const [values, setValues] = useState<Values | null>(null);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  if (!values) {
    return (
      <div className="flex flex-col gap-3">
        {view}
        <Button className="self-start" onClick={() => { setErrors({}); setValues(Object.fromEntries(fields.map((f) => [f.name, valueOf(f, doc[f.name])]))); }}>
          Edit {label} details
        </Button>
      </div>
    );
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const changes = changedValues(fields, doc, values);
    if (!Object.keys(changes).length) return setValues(null);
    try {
      await onSave(changes);
      setValues(null);
    } catch (error) {
      const mapped = formErrors(error, fields.map((f) => f.name), { forbidden: `You may not change this ${label}.`, fallback: `The ${label} was not saved.` });
      setErrors(mapped);
    }
  };
  const set = (name: string) => (v: string) => setValues((current) => (current ? { ...current, [name]: v } : current));
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={`Edit ${label} details`} className="flex flex-col gap-3">
      {fields.map((f) =>
        f.type === "select" ? (
          <SelectField key={f.name} label={f.label} value={values[f.name] ?? ""} onChange={set(f.name)} error={errors[f.name]} empty="—">
            {(f.options ?? []).map((o) => <option key={o} value={o}>{o}</option>)}
          </SelectField>
        ) : (
          <TextField key={f.name} label={f.label} type={f.type ?? "text"} value={values[f.name] ?? ""} onChange={set(f.name)} error={errors[f.name]} maxLength={f.maxLength} />
        ),
      )}
      {errors.form ? <p role="alert" className="text-sm text-danger">{errors.form}</p> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary" disabled={saving}>{saving ? "Saving…" : "Save"}</Button>
        <Button onClick={() => setValues(null)}>Cancel</Button>
      </div>
    </form>
  );
}
