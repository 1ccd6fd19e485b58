"use client";

import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from "react";
import { cx } from "~/components/ui/cx";
import { inputClasses, labelClasses } from "~/components/ui/field";

/**
 * Labelled inputs with their server error underneath (linked by aria-describedby and marked
 * aria-invalid), in the shared touch-sized look. `error` is the message for this field's path.
 */

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-sm text-danger">
      {message}
    </p>
  );
}

function describedBy(errorId: string, error: string | undefined, hintId: string, hint: ReactNode): string | undefined {
  return [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined;
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "className"> & { label: ReactNode; error?: string | undefined; hint?: ReactNode; className?: string; hideLabel?: boolean };

export function TextInput({ label, error, hint, className, hideLabel, ...props }: InputProps) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className={hideLabel ? "sr-only" : labelClasses}>
        {label}
      </label>
      <input id={id} className={inputClasses} aria-invalid={error ? true : undefined} aria-describedby={describedBy(`${id}-e`, error, `${id}-h`, hint)} {...props} />
      {hint ? (
        <p id={`${id}-h`} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-e`} message={error} />
    </div>
  );
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "className"> & { label: ReactNode; error?: string | undefined; hint?: ReactNode; className?: string; hideLabel?: boolean; children: ReactNode };

export function SelectInput({ label, error, hint, className, hideLabel, children, ...props }: SelectProps) {
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id} className={hideLabel ? "sr-only" : labelClasses}>
        {label}
      </label>
      <select id={id} className={inputClasses} aria-invalid={error ? true : undefined} aria-describedby={describedBy(`${id}-e`, error, `${id}-h`, hint)} {...props}>
        {children}
      </select>
      {hint ? (
        <p id={`${id}-h`} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-e`} message={error} />
    </div>
  );
}

/** A checkbox with its label to the right; the whole row is the touch target. */
export function CheckboxInput({ label, checked, onChange, disabled, error, hint }: { label: ReactNode; checked: boolean; onChange: (checked: boolean) => void; disabled?: boolean; error?: string | undefined; hint?: ReactNode }) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className={cx("flex min-h-11 cursor-pointer items-center gap-3 text-sm text-fg sm:min-h-10", disabled && "cursor-not-allowed opacity-70")}>
        <input id={id} type="checkbox" className="size-5 shrink-0 accent-accent" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} aria-invalid={error ? true : undefined} aria-describedby={describedBy(`${id}-e`, error, `${id}-h`, hint)} />
        <span>{label}</span>
      </label>
      {hint ? (
        <p id={`${id}-h`} className="ml-8 text-xs text-muted">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-e`} message={error} />
    </div>
  );
}

/** A group of related inputs with a visible legend (and the group's own error, e.g. "at least one weekday"). */
export function FieldGroup({ legend, description, error, children, className }: { legend: ReactNode; description?: ReactNode; error?: string | undefined; children: ReactNode; className?: string }) {
  const id = useId();
  return (
    <fieldset className={cx("min-w-0 rounded-lg border border-line bg-surface p-4 sm:p-5", className)} aria-describedby={error ? `${id}-e` : undefined}>
      <legend className="px-1 text-base font-semibold text-fg">{legend}</legend>
      {description ? <div className="mb-3 text-sm text-muted">{description}</div> : null}
      {error ? (
        <p id={`${id}-e`} role="alert" className="mb-3 rounded-md bg-danger-soft px-3 py-2 text-sm text-danger">
          {error}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}

/** Several values from a short list, as checkboxes (touch-friendly, unlike a multiple <select>). */
export function CheckboxList({ legend, options, selected, onChange, disabled, error, emptyText = "Nothing to choose from yet." }: {
  legend: string;
  options: { name: string; label: string }[];
  selected: string[];
  onChange: (next: string[]) => void;
  disabled?: boolean;
  error?: string | undefined;
  emptyText?: string;
}) {
  const id = useId();
  // Values chosen earlier that are no longer offered stay visible, so they can be removed.
  const all = [...options, ...selected.filter((s) => !options.some((o) => o.name === s)).map((s) => ({ name: s, label: `${s} (not found)` }))];
  return (
    <fieldset className="min-w-0" aria-describedby={error ? `${id}-e` : undefined}>
      <legend className={labelClasses}>{legend}</legend>
      {all.length === 0 ? <p className="text-sm text-muted">{emptyText}</p> : null}
      <div className="grid gap-x-4 sm:grid-cols-2">
        {all.map((o) => (
          <CheckboxInput key={o.name} label={o.label} checked={selected.includes(o.name)} disabled={disabled} onChange={(on) => onChange(on ? [...selected, o.name] : selected.filter((s) => s !== o.name))} />
        ))}
      </div>
      <FieldError id={`${id}-e`} message={error} />
    </fieldset>
  );
}
