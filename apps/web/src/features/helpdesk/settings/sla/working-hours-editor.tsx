"use client";

import { Button } from "~/components/ui/button";
import { FieldError, FieldGroup, SelectInput, TextInput } from "../form-fields";
import type { FieldErrors } from "../server-errors";
import type { Calendar } from "../types";
import { dayLabel, timeZoneChoices, WEEK, type Day } from "./sla-model";

type Range = { start: string; end: string };

/** A new range after the day's last one (or office hours on a closed day). */
function nextRange(ranges: Range[]): Range {
  const last = ranges[ranges.length - 1];
  if (!last) return { start: "09:00", end: "17:00" };
  const [h = 0, m = 0] = last.end.split(":").map(Number);
  const startMinutes = Math.min(h * 60 + m + 60, 23 * 60);
  const fmt = (t: number) => `${String(Math.floor(t / 60)).padStart(2, "0")}:${String(t % 60).padStart(2, "0")}`;
  return { start: fmt(startMinutes), end: fmt(Math.min(startMinutes + 60, 24 * 60)) };
}

/**
 * The weekly calendar: the zone its times are read in, and per weekday any number of working
 * ranges (none = closed). Times are typed as HH:MM so "24:00" (until midnight) can be entered.
 * Server errors land on the range (`calendar.workingHours.monday[1]`: overlap), its start or end,
 * or the day.
 */
export function WorkingHoursEditor({ calendar, errors, disabled, onChange }: { calendar: Calendar; errors: FieldErrors; disabled: boolean; onChange: (calendar: Calendar, ...paths: string[]) => void }) {
  const hours = calendar.workingHours;
  const setDay = (day: Day, ranges: Range[]) => onChange({ ...calendar, workingHours: { ...hours, [day]: ranges } }, `calendar.workingHours.${day}`, "calendar.workingHours");
  return (
    <FieldGroup legend="Working hours" description="Business minutes count only inside these hours, in this time zone. Ranges of a day may touch but not overlap." error={errors["calendar.workingHours"]}>
      <SelectInput label="Time zone" className="mb-4 max-w-sm" value={calendar.timeZone} disabled={disabled} error={errors["calendar.timeZone"]} onChange={(e) => onChange({ ...calendar, timeZone: e.target.value }, "calendar.timeZone")}>
        {timeZoneChoices(calendar.timeZone).map((z) => (
          <option key={z} value={z}>
            {z.replaceAll("_", " ")}
          </option>
        ))}
      </SelectInput>
      <ul className="divide-y divide-line">
        {WEEK.map((day) => {
          const ranges = hours[day] ?? [];
          const dayPath = `calendar.workingHours.${day}`;
          return (
            <li key={day} className="py-3 sm:flex sm:gap-4" aria-label={dayLabel(day)}>
              <p className="mb-2 w-28 shrink-0 text-sm font-medium text-fg sm:mb-0 sm:pt-2.5">{dayLabel(day)}</p>
              <div className="min-w-0 flex-1 space-y-2 sm:max-w-lg">
                {ranges.length === 0 ? <p className="text-sm text-muted sm:pt-2.5">Closed</p> : null}
                {ranges.map((range, i) => {
                  const at = `${dayPath}[${i}]`;
                  const label = `${dayLabel(day)}, range ${i + 1}`;
                  const set = (patch: Partial<Range>) => setDay(day, ranges.map((r, j) => (j === i ? { ...r, ...patch } : r)));
                  return (
                    <div key={i}>
                      <div className="grid grid-cols-[1fr_auto_1fr_auto] items-start gap-2">
                        <TextInput label={`${label}: start`} hideLabel value={range.start} placeholder="09:00" inputMode="numeric" maxLength={5} autoComplete="off" disabled={disabled} error={errors[`${at}.start`]} onChange={(e) => set({ start: e.target.value })} />
                        <span aria-hidden="true" className="pt-2.5 text-muted">–</span>
                        <TextInput label={`${label}: end`} hideLabel value={range.end} placeholder="17:00" inputMode="numeric" maxLength={5} autoComplete="off" disabled={disabled} error={errors[`${at}.end`]} onChange={(e) => set({ end: e.target.value })} />
                        <Button aria-label={`Remove ${label}`} disabled={disabled} onClick={() => setDay(day, ranges.filter((_, j) => j !== i))}>
                          Remove
                        </Button>
                      </div>
                      <FieldError id={`${day}-${i}-error`} message={errors[at]} />
                    </div>
                  );
                })}
                <FieldError id={`${day}-error`} message={errors[dayPath]} />
                <Button variant="ghost" disabled={disabled} onClick={() => setDay(day, [...ranges, nextRange(ranges)])}>
                  <span aria-hidden="true">+</span> Add range<span className="sr-only"> on {dayLabel(day)}</span>
                </Button>
              </div>
            </li>
          );
        })}
      </ul>
    </FieldGroup>
  );
}
