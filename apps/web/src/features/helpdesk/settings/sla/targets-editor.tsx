"use client";

import { FieldError, FieldGroup } from "../form-fields";
import { inputClasses } from "~/components/ui/field";
import type { FieldErrors } from "../server-errors";
import type { PriorityTarget } from "../types";
import { formatMinutes, joinMinutes, splitMinutes } from "./sla-model";

type Clock = "response_minutes" | "resolution_minutes";
const clocks: { key: Clock; label: string }[] = [
  { key: "response_minutes", label: "First response" },
  { key: "resolution_minutes", label: "Resolution" },
];

/** Hours and minutes inputs for one target, stored as business minutes. */
function DurationInput({ label, value, error, disabled, onChange }: { label: string; value: number | null; error: string | undefined; disabled: boolean; onChange: (minutes: number | null) => void }) {
  const { hours, minutes } = splitMinutes(value);
  const errorId = `${label.replace(/\W+/g, "-")}-error`;
  const common = { type: "number", inputMode: "numeric", min: 0, disabled, className: inputClasses, "aria-invalid": error ? true : undefined, "aria-describedby": error ? errorId : undefined } as const;
  return (
    <fieldset className="min-w-0">
      <legend className="mb-1 text-xs font-medium text-muted sm:sr-only">{label}</legend>
      <div className="grid grid-cols-2 gap-2">
        <label className="flex items-center gap-1 text-sm text-muted">
          <span className="sr-only">{label}: hours</span>
          <input {...common} value={hours} onChange={(e) => onChange(joinMinutes(e.target.value, minutes))} />
          <span aria-hidden="true">h</span>
        </label>
        <label className="flex items-center gap-1 text-sm text-muted">
          <span className="sr-only">{label}: minutes</span>
          <input {...common} max={59} value={minutes} onChange={(e) => onChange(joinMinutes(hours, e.target.value))} />
          <span aria-hidden="true">min</span>
        </label>
      </div>
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}

/**
 * First-response and resolution targets per priority, in business hours and minutes. One row per
 * ticket priority; a row left empty is a priority without targets, which the server refuses under it.
 */
export function TargetsEditor({ rows, errors, disabled, onChange }: { rows: PriorityTarget[]; errors: FieldErrors; disabled: boolean; onChange: (rows: PriorityTarget[], ...paths: string[]) => void }) {
  const set = (i: number, key: Clock, minutes: number | null) => onChange(rows.map((r, j) => (j === i ? { ...r, [key]: minutes } : r)), `priorities[${i}].${key}`, `priorities[${i}]`, "priorities");
  return (
    <FieldGroup legend="Targets per priority" description="In business time: only working hours count. The first response must come within the resolution target." error={errors.priorities}>
      <div className="hidden grid-cols-[10rem_1fr_1fr] gap-4 pb-2 text-sm font-medium text-muted sm:grid">
        <span>Priority</span>
        {clocks.map((c) => (
          <span key={c.key}>{c.label}</span>
        ))}
      </div>
      <ul className="divide-y divide-line">
        {rows.map((row, i) => (
          <li key={row.priority} className="grid gap-3 py-3 sm:grid-cols-[10rem_1fr_1fr] sm:gap-4">
            <div>
              <p className="text-sm font-medium text-fg sm:pt-2.5">{row.priority}</p>
              <p className="text-xs text-muted">
                {formatMinutes(row.response_minutes)} / {formatMinutes(row.resolution_minutes)}
              </p>
              <FieldError id={`priority-${i}-error`} message={errors[`priorities[${i}].priority`] ?? errors[`priorities[${i}]`]} />
            </div>
            {clocks.map((c) => (
              <DurationInput key={c.key} label={`${row.priority} ${c.label.toLowerCase()}`} value={row[c.key]} error={errors[`priorities[${i}].${c.key}`]} disabled={disabled} onChange={(m) => set(i, c.key, m)} />
            ))}
          </li>
        ))}
      </ul>
    </FieldGroup>
  );
}
