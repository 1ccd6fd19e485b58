/** Calendars and helpers shared by the SLA tests (not part of the public API). */
import { TZDate } from "@date-fns/tz";
import { createBusinessCalendar, type BusinessCalendar } from "./business-calendar";
import type { CalendarDefinitionInput } from "./calendar-schema";
import { priorityTargetsSchema, type PriorityTargets } from "./priority-targets-schema";

const nineToFive = [{ start: "09:00", end: "17:00" }];

/** Mon–Fri 09:00–17:00 in `timeZone`, with optional holidays. */
export function officeCalendar(timeZone: string, holidays: CalendarDefinitionInput["holidays"] = []): BusinessCalendar {
  return createBusinessCalendar({
    timeZone,
    workingHours: { monday: nineToFive, tuesday: nineToFive, wednesday: nineToFive, thursday: nineToFive, friday: nineToFive },
    holidays,
  });
}

/** Every day 00:00–24:00 in `timeZone`. */
export function roundTheClockCalendar(timeZone: string): BusinessCalendar {
  const allDay = [{ start: "00:00", end: "24:00" }];
  return createBusinessCalendar({
    timeZone,
    workingHours: { sunday: allDay, monday: allDay, tuesday: allDay, wednesday: allDay, thursday: allDay, friday: allDay, saturday: allDay },
  });
}

/** A wall-clock time in `timeZone` as a UTC Date: local(2026, 3, 9, 9, 30, "America/New_York") (month 1-based). */
export function local(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): Date {
  return new Date(new TZDate(year, month - 1, day, hour, minute, timeZone).getTime());
}

/** Low/Medium/High/Urgent targets in business minutes. */
export function defaultTargets(): PriorityTargets {
  return priorityTargetsSchema(["Low", "Medium", "High", "Urgent"]).parse([
    { priority: "Low", responseMinutes: 480, resolutionMinutes: 2400 },
    { priority: "Medium", responseMinutes: 240, resolutionMinutes: 960 },
    { priority: "High", responseMinutes: 60, resolutionMinutes: 480 },
    { priority: "Urgent", responseMinutes: 30, resolutionMinutes: 240 },
  ]);
}
