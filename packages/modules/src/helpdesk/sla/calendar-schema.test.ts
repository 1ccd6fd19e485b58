import { describe, expect, it } from "vitest";
import { createBusinessCalendar } from "./business-calendar";
import { calendarDefinitionSchema, type CalendarDefinitionInput } from "./calendar-schema";

const weekdays = { monday: [{ start: "09:00", end: "17:00" }] };

function issuesOf(input: unknown) {
  const result = calendarDefinitionSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

describe("calendarDefinitionSchema", () => {
  it("accepts a calendar, fills closed days and an empty holiday list, and canonicalises the zone", () => {
    const parsed = calendarDefinitionSchema.parse({ timeZone: "america/new_york", workingHours: weekdays });
    expect(parsed.timeZone).toBe("America/New_York");
    expect(parsed.workingHours.sunday).toEqual([]);
    expect(parsed.workingHours.monday).toEqual([{ start: "09:00", end: "17:00" }]);
    expect(parsed.holidays).toEqual([]);
  });

  it("accepts UTC, touching intervals, a lunch break and an end of 24:00", () => {
    const input: CalendarDefinitionInput = {
      timeZone: "UTC",
      workingHours: { monday: [{ start: "13:00", end: "17:00" }, { start: "09:00", end: "12:00" }], tuesday: [{ start: "00:00", end: "12:00" }, { start: "12:00", end: "24:00" }] },
      holidays: [{ date: "2026-12-25", description: "Christmas Day" }],
    };
    expect(calendarDefinitionSchema.safeParse(input).success).toBe(true);
  });

  it("refuses overlapping hours, naming the day and both intervals", () => {
    expect(issuesOf({ timeZone: "UTC", workingHours: { wednesday: [{ start: "09:00", end: "12:00" }, { start: "11:00", end: "13:00" }] } })).toEqual([
      { path: "workingHours.wednesday.1", message: "Wednesday: working hours 09:00–12:00 and 11:00–13:00 overlap" },
    ]);
    // an interval inside another one overlaps too, whatever the order they are listed in
    expect(issuesOf({ timeZone: "UTC", workingHours: { friday: [{ start: "10:00", end: "11:00" }, { start: "08:00", end: "18:00" }] } })[0]!.message).toBe(
      "Friday: working hours 08:00–18:00 and 10:00–11:00 overlap",
    );
  });

  it("refuses an end at or before the start, naming the day", () => {
    expect(issuesOf({ timeZone: "UTC", workingHours: { tuesday: [{ start: "17:00", end: "09:00" }] } })).toContainEqual({
      path: "workingHours.tuesday.0.end",
      message: "Tuesday: end time 09:00 must be after start time 17:00",
    });
    expect(issuesOf({ timeZone: "UTC", workingHours: { tuesday: [{ start: "09:00", end: "09:00" }] } })[0]!.message).toContain("Tuesday");
  });

  it("refuses badly written times", () => {
    const issues = issuesOf({ timeZone: "UTC", workingHours: { monday: [{ start: "9:00", end: "25:00" }, { start: "24:00", end: "24:00" }] } });
    expect(issues).toContainEqual({ path: "workingHours.monday.0.start", message: "Start time must be HH:MM between 00:00 and 23:59, e.g. 09:00" });
    expect(issues).toContainEqual({ path: "workingHours.monday.0.end", message: "End time must be HH:MM between 00:01 and 24:00, e.g. 17:30" });
    expect(issues.map((i) => i.path)).toContain("workingHours.monday.1.start");
  });

  it("refuses an unknown weekday key and a week without any working hours", () => {
    expect(issuesOf({ timeZone: "UTC", workingHours: { mon: [{ start: "09:00", end: "17:00" }], monday: [{ start: "09:00", end: "17:00" }] } })[0]!.message).toBe(
      'Working hours: unknown day "mon" (use sunday … saturday)',
    );
    expect(issuesOf({ timeZone: "UTC", workingHours: { monday: [] } })).toEqual([{ path: "workingHours", message: "Working hours: at least one weekday needs working hours" }]);
  });

  it("refuses unknown time zones and raw offsets, naming the value", () => {
    expect(issuesOf({ timeZone: "Mars/Olympus_Mons", workingHours: weekdays })).toEqual([
      { path: "timeZone", message: 'Time zone "Mars/Olympus_Mons" is not a known IANA time zone (e.g. Europe/London, America/New_York)' },
    ]);
    expect(issuesOf({ timeZone: "+05:00", workingHours: weekdays })[0]!.path).toBe("timeZone");
    expect(issuesOf({ workingHours: weekdays })[0]!.path).toBe("timeZone");
  });

  it("refuses impossible and repeated holiday dates", () => {
    const issues = issuesOf({ timeZone: "UTC", workingHours: weekdays, holidays: [{ date: "2026-02-30" }, { date: "2026-12-25" }, { date: "2026-12-25", description: "again" }] });
    expect(issues).toContainEqual({ path: "holidays.0.date", message: "Holiday date must be a calendar date YYYY-MM-DD" });
    expect(issues).toContainEqual({ path: "holidays.2.date", message: "Holiday 2026-12-25 is listed twice (rows 2 and 3)" });
  });

  it("createBusinessCalendar validates before compiling", () => {
    expect(() => createBusinessCalendar({ timeZone: "UTC", workingHours: { monday: [{ start: "10:00", end: "09:00" }] } })).toThrow(/Monday: end time 09:00 must be after start time 10:00/);
  });
});
