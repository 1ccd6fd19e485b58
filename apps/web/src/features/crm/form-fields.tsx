"use client";

import { useId, type ReactNode } from "react";
import { inputClasses, labelClasses } from "~/components/ui/field";

/** A labelled text input or textarea with its field error (aria-invalid, described by the message). */
export function TextField({ label, value, onChange, error, multiline, type = "text", required, maxLength }: { label: string; value: string; onChange: (v: string) => void; error?: string | undefined; multiline?: boolean; type?: string; required?: boolean; maxLength?: number }) {
  const id = useId();
  const common = { id, value, required, maxLength, "aria-invalid": error ? true : undefined, "aria-describedby": error ? `${id}-error` : undefined };
  return (
    <div>
      <label htmlFor={id} className={labelClasses}>{label}{required ? <span aria-hidden="true" className="text-danger"> *</span> : null}</label>
      {multiline ? <textarea {...common} rows={3} className={`${inputClasses} min-h-20 py-2`} onChange={(e) => onChange(e.target.value)} /> : <input {...common} type={type} className={inputClasses} onChange={(e) => onChange(e.target.value)} />}
      {error ? <p id={`${id}-error`} className="mt-1 text-sm text-danger">{error}</p> : null}
    </div>
  );
}

/** A labelled select with an empty first option and its field error. */
export function SelectField({ label, value, onChange, error, empty, children, className }: { label: string; value: string; onChange: (v: string) => void; error?: string | undefined; empty?: string; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClasses}>{label}</label>
      <select id={id} value={value} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className={inputClasses} onChange={(e) => onChange(e.target.value)}>
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {children}
      </select>
      {error ? <p id={`${id}-error`} className="mt-1 text-sm text-danger">{error}</p> : null}
    </div>
  );
}
