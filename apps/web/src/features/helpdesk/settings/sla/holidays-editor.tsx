"use client";

import { Button } from "~/components/ui/button";
import { FieldGroup, TextInput } from "../form-fields";
import type { FieldErrors } from "../server-errors";
import type { Calendar } from "../types";

type Holiday = Calendar["holidays"][number];

/** Whole days off (local dates in the calendar's zone), each with a label. */
export function HolidaysEditor({ calendar, errors, disabled, onChange }: { calendar: Calendar; errors: FieldErrors; disabled: boolean; onChange: (calendar: Calendar, ...paths: string[]) => void }) {
  const list = calendar.holidays;
  const set = (next: Holiday[], ...paths: string[]) => onChange({ ...calendar, holidays: next }, "calendar.holidays", ...paths);
  return (
    <FieldGroup legend="Holidays" description="No business minutes are counted on these dates." error={errors["calendar.holidays"]}>
      {list.length === 0 ? <p className="mb-3 text-sm text-muted">No holidays yet.</p> : null}
      <ul className="space-y-3">
        {list.map((h, i) => {
          const at = `calendar.holidays[${i}]`;
          return (
            <li key={i} className="grid gap-2 sm:grid-cols-[12rem_1fr_auto] sm:items-start">
              <TextInput label={`Holiday ${i + 1} date`} type="date" value={h.date} disabled={disabled} error={errors[`${at}.date`] ?? errors[at]} onChange={(e) => set(list.map((x, j) => (j === i ? { ...x, date: e.target.value } : x)), `${at}.date`)} />
              <TextInput label={`Holiday ${i + 1} label`} value={h.description ?? ""} maxLength={140} placeholder="e.g. Christmas Day" disabled={disabled} error={errors[`${at}.description`]} onChange={(e) => set(list.map((x, j) => (j === i ? { ...x, description: e.target.value } : x)), `${at}.description`)} />
              <Button className="sm:mt-6" aria-label={`Remove holiday ${i + 1}`} disabled={disabled} onClick={() => set(list.filter((_, j) => j !== i))}>
                Remove
              </Button>
            </li>
          );
        })}
      </ul>
      <Button className="mt-3" disabled={disabled} onClick={() => set([...list, { date: "", description: "" }])}>
        + Add holiday
      </Button>
    </FieldGroup>
  );
}
