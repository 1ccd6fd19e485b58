import { TZDate } from "@date-fns/tz";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createBusinessCalendar, type BusinessCalendar } from "./business-calendar";
import { addBusinessMinutes, businessMinutesBetween, isWorkingTime, nextWorkingInstant } from "./business-time";
import { WEEKDAYS } from "./calendar-schema";
import { officeCalendar, roundTheClockCalendar } from "./test-calendars";

const lunch = [{ start: "09:00", end: "12:30" }, { start: "13:30", end: "17:45" }];
const calendars: Record<string, BusinessCalendar> = {
  "New York office with holidays": officeCalendar("America/New_York", [{ date: "2026-07-03" }, { date: "2026-11-26" }, { date: "2026-12-25" }, { date: "2027-01-01" }, { date: "2027-03-15" }]),
  "London, lunch break, Saturday mornings": createBusinessCalendar({
    timeZone: "Europe/London",
    workingHours: { monday: lunch, tuesday: lunch, wednesday: lunch, thursday: lunch, friday: lunch, saturday: [{ start: "10:00", end: "13:00" }] },
    holidays: [{ date: "2026-12-25" }, { date: "2026-12-28" }],
  }),
  "New York round the clock": roundTheClockCalendar("America/New_York"),
  "New York, Wednesdays 10–12 only": createBusinessCalendar({ timeZone: "America/New_York", workingHours: { wednesday: [{ start: "10:00", end: "12:00" }] } }),
  "Sydney office": officeCalendar("Australia/Sydney"),
  "Kolkata (UTC+5:30) split shift": createBusinessCalendar({
    timeZone: "Asia/Kolkata",
    workingHours: { monday: [{ start: "00:00", end: "02:00" }, { start: "22:00", end: "24:00" }], tuesday: [{ start: "00:00", end: "02:00" }, { start: "22:00", end: "24:00" }], friday: [{ start: "07:15", end: "19:05" }] },
  }),
  "London nights across the DST hour": createBusinessCalendar({ timeZone: "Europe/London", workingHours: { sunday: [{ start: "00:30", end: "03:30" }], monday: [{ start: "00:00", end: "06:00" }] } }),
};
const calendarNames = Object.keys(calendars);

const MIN = Date.UTC(2026, 0, 1);
const MAX = Date.UTC(2027, 11, 1);
const calendar = fc.constantFrom(...calendarNames).map((name) => calendars[name]!);
// Arbitrary milliseconds, and whole minutes (which hit opening and closing times far more often).
const instant = fc.oneof(fc.integer({ min: MIN, max: MAX }), fc.integer({ min: MIN / 60_000, max: MAX / 60_000 }).map((m) => m * 60_000));
const minutes = fc.integer({ min: 0, max: 6000 });
const ms = (d: Date) => d.getTime();

describe("addBusinessMinutes / businessMinutesBetween properties", () => {
  it("addBusinessMinutes is monotonic in minutes", () => {
    fc.assert(
      fc.property(calendar, instant, minutes, minutes, (cal, start, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(ms(addBusinessMinutes(cal, start, low))).toBeLessThanOrEqual(ms(addBusinessMinutes(cal, start, high)));
      }),
    );
  });

  it("addBusinessMinutes is monotonic in the start", () => {
    fc.assert(
      fc.property(calendar, instant, instant, minutes, (cal, a, b, m) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(ms(addBusinessMinutes(cal, early, m))).toBeLessThanOrEqual(ms(addBusinessMinutes(cal, late, m)));
      }),
    );
  });

  it("businessMinutesBetween(start, addBusinessMinutes(start, m)) = m, from working time and from anywhere", () => {
    fc.assert(
      fc.property(calendar, instant, minutes, (cal, anyStart, m) => {
        const workingStart = nextWorkingInstant(cal, anyStart);
        expect(isWorkingTime(cal, workingStart)).toBe(true);
        expect(businessMinutesBetween(cal, workingStart, addBusinessMinutes(cal, workingStart, m))).toBe(m);
        expect(businessMinutesBetween(cal, anyStart, addBusinessMinutes(cal, anyStart, m))).toBe(m);
      }),
    );
  });

  it("adding a + b at once equals adding a, then b", () => {
    fc.assert(
      fc.property(calendar, instant, minutes, minutes, (cal, start, a, b) => {
        expect(addBusinessMinutes(cal, addBusinessMinutes(cal, start, a), b)).toEqual(addBusinessMinutes(cal, start, a + b));
      }),
    );
  });

  it("businessMinutesBetween is additive over consecutive periods and never exceeds real time", () => {
    fc.assert(
      fc.property(calendar, fc.array(instant, { minLength: 3, maxLength: 3 }), (cal, points) => {
        const [a, b, c] = points.sort((x, y) => x - y) as [number, number, number];
        const whole = businessMinutesBetween(cal, a, c);
        expect(businessMinutesBetween(cal, a, b) + businessMinutesBetween(cal, b, c)).toBeCloseTo(whole, 6);
        expect(whole).toBeLessThanOrEqual((c - a) / 60_000);
      }),
    );
  });

  it("addBusinessMinutes gives the earliest instant that reaches the minutes", () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 1, max: 6000 }), (cal, start, m) => {
        const due = ms(addBusinessMinutes(cal, start, m));
        expect(businessMinutesBetween(cal, start, due - 1)).toBeLessThan(m);
        // …and business time actually elapsed in the millisecond before it.
        expect(isWorkingTime(cal, due - 1)).toBe(true);
      }),
    );
  });

  it("nextWorkingInstant is the first working instant at or after the given one", () => {
    fc.assert(
      fc.property(calendar, instant, (cal, at) => {
        const next = ms(nextWorkingInstant(cal, at));
        expect(next).toBeGreaterThanOrEqual(at);
        expect(isWorkingTime(cal, next)).toBe(true);
        expect(businessMinutesBetween(cal, at, next)).toBe(0);
        expect(isWorkingTime(cal, at)).toBe(next === at);
      }),
    );
  });
});

describe("businessMinutesBetween against a minute-by-minute reference", () => {
  // The reference reads each real minute's wall-clock time in the zone and checks it against the
  // definition directly. It stays away from calendars with hours inside a DST change's repeated or
  // skipped hour, where "the wall-clock time of a minute" is not a function of the definition alone.
  const referenceCalendars = ["New York office with holidays", "London, lunch break, Saturday mornings", "New York round the clock", "Sydney office", "Kolkata (UTC+5:30) split shift"];

  function referenceMinutes(cal: BusinessCalendar, from: number, count: number): number {
    const holidays = new Set(cal.definition.holidays.map((h) => h.date));
    let total = 0;
    for (let i = 0; i < count; i++) {
      const local = new TZDate(from + i * 60_000, cal.timeZone);
      const date = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, "0")}-${String(local.getDate()).padStart(2, "0")}`;
      if (holidays.has(date)) continue;
      const hhmm = `${String(local.getHours()).padStart(2, "0")}:${String(local.getMinutes()).padStart(2, "0")}`;
      const intervals = cal.definition.workingHours[WEEKDAYS[local.getDay()]!];
      if (intervals.some((i) => i.start <= hhmm && hhmm < i.end)) total++;
    }
    return total;
  }

  it("agrees on every minute-aligned period of up to three days, DST weekends included", () => {
    const dstWeekends = [Date.UTC(2026, 2, 6), Date.UTC(2026, 2, 27), Date.UTC(2026, 3, 3), Date.UTC(2026, 9, 2), Date.UTC(2026, 9, 23), Date.UTC(2026, 9, 30)];
    const start = fc.oneof(
      fc.integer({ min: MIN / 60_000, max: MAX / 60_000 }).map((m) => m * 60_000),
      fc.tuple(fc.constantFrom(...dstWeekends), fc.integer({ min: 0, max: 3 * 24 * 60 })).map(([day, m]) => day + m * 60_000),
    );
    fc.assert(
      fc.property(fc.constantFrom(...referenceCalendars), start, fc.integer({ min: 0, max: 3 * 24 * 60 }), (name, from, count) => {
        const cal = calendars[name]!;
        expect(businessMinutesBetween(cal, from, from + count * 60_000)).toBe(referenceMinutes(cal, from, count));
      }),
      { numRuns: 60 },
    );
  });
});
