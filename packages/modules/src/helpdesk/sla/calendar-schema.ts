import { z } from "zod";
import { parseTimeOfDay } from "./time-of-day";

/** Weekday keys of a calendar definition, in JavaScript's `getDay()` order (0 = Sunday). */
export const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const dayLabel = (day: Weekday): string => day.charAt(0).toUpperCase() + day.slice(1);

/** An IANA zone name that the runtime knows ("Europe/London", "UTC"), canonicalised ("america/new_york" → "America/New_York"). */
const timeZone = z
  .string({ error: "Time zone is required, e.g. Europe/London" })
  .trim()
  .min(1, "Time zone is required, e.g. Europe/London")
  .transform((name, ctx) => {
    const canonical = canonicalTimeZone(name);
    if (canonical === null) {
      ctx.addIssue({ code: "custom", message: `Time zone "${name}" is not a known IANA time zone (e.g. Europe/London, America/New_York)` });
      return z.NEVER;
    }
    return canonical;
  });

function canonicalTimeZone(name: string): string | null {
  // IANA names only: letters, digits, "_", "-", "+" in "/"-separated parts ("UTC", "Etc/GMT+5"); no raw offsets like "+05:00".
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

const workingInterval = z.object({
  start: z.string({ error: "Start time is required (HH:MM)" }).refine((t) => parseTimeOfDay(t) !== null, {
    message: "Start time must be HH:MM between 00:00 and 23:59, e.g. 09:00",
  }),
  end: z.string({ error: "End time is required (HH:MM)" }).refine((t) => parseTimeOfDay(t, true) !== null, {
    message: "End time must be HH:MM between 00:01 and 24:00, e.g. 17:30",
  }),
});
export type WorkingInterval = z.infer<typeof workingInterval>;

/** One weekday's working intervals: each end after its start, none overlapping (touching is fine). */
function daySchema(day: Weekday) {
  return z
    .array(workingInterval, { error: `${dayLabel(day)}: working hours must be a list of {start, end} intervals` })
    .default([])
    .superRefine((intervals, ctx) => {
      const parsed = intervals.map((interval, index) => ({ index, ...interval, from: parseTimeOfDay(interval.start), to: parseTimeOfDay(interval.end, true) }));
      for (const p of parsed) {
        if (p.from !== null && p.to !== null && p.to <= p.from) {
          ctx.addIssue({ code: "custom", path: [p.index, "end"], message: `${dayLabel(day)}: end time ${p.end} must be after start time ${p.start}` });
        }
      }
      const valid = parsed.filter((p) => p.from !== null && p.to !== null && p.to > p.from).sort((a, b) => a.from! - b.from!);
      for (let i = 1; i < valid.length; i++) {
        const previous = valid[i - 1]!;
        const current = valid[i]!;
        if (current.from! < previous.to!) {
          ctx.addIssue({
            code: "custom",
            path: [current.index],
            message: `${dayLabel(day)}: working hours ${previous.start}–${previous.end} and ${current.start}–${current.end} overlap`,
          });
        }
      }
    });
}

const workingHours = z
  .strictObject(
    Object.fromEntries(WEEKDAYS.map((day) => [day, daySchema(day)])) as { [D in Weekday]: ReturnType<typeof daySchema> },
    { error: (issue) => (issue.code === "unrecognized_keys" ? `Working hours: unknown day ${issue.keys.map((k) => `"${k}"`).join(", ")} (use sunday … saturday)` : "Working hours must list intervals per weekday") },
  )
  .refine((week) => WEEKDAYS.some((day) => week[day].length > 0), { message: "Working hours: at least one weekday needs working hours" });

const holiday = z.object({
  date: z.iso.date({ error: "Holiday date must be a calendar date YYYY-MM-DD" }),
  description: z.string().trim().max(140, "Holiday description is at most 140 characters").optional(),
});
export type Holiday = z.infer<typeof holiday>;

const holidays = z
  .array(holiday)
  .max(5000, "A holiday list holds at most 5000 dates")
  .default([])
  .superRefine((list, ctx) => {
    const seen = new Map<string, number>();
    list.forEach((h, index) => {
      const first = seen.get(h.date);
      if (first !== undefined) ctx.addIssue({ code: "custom", path: [index, "date"], message: `Holiday ${h.date} is listed twice (rows ${first + 1} and ${index + 1})` });
      else seen.set(h.date, index);
    });
  });

/**
 * A business calendar as an admin defines it: the zone its wall-clock times are read in, working
 * hours per weekday (a missing or empty day is closed), and holidays (whole local dates off).
 * Issues carry the path of the offending field and a message naming the day or date.
 */
export const calendarDefinitionSchema = z.object({
  timeZone,
  workingHours,
  holidays,
});

/** What callers pass in (days and holidays optional). */
export type CalendarDefinitionInput = z.input<typeof calendarDefinitionSchema>;
/** A validated definition (zone canonicalised, every weekday present). */
export type CalendarDefinition = z.output<typeof calendarDefinitionSchema>;
