import { describe, expect, it } from "vitest";
import { createBusinessCalendar } from "./business-calendar";
import { addBusinessMinutes, businessMinutesBetween, isWorkingTime, nextWorkingInstant } from "./business-time";
import { local, officeCalendar } from "./test-calendars";

const NY = "America/New_York";
// Mon–Fri 09:00–17:00 New York; Friday 3 July 2026 (Independence Day observed) and Christmas off.
const office = officeCalendar(NY, [{ date: "2026-07-03", description: "Independence Day (observed)" }, { date: "2026-12-25" }]);
const ny = (month: number, day: number, hour: number, minute = 0) => local(2026, month, day, hour, minute, NY);

describe("addBusinessMinutes", () => {
  it("adds inside one working day", () => {
    expect(addBusinessMinutes(office, ny(2, 2, 10), 60)).toEqual(ny(2, 2, 11)); // Monday
  });

  it("carries the remainder across the night", () => {
    expect(addBusinessMinutes(office, ny(2, 2, 16), 120)).toEqual(ny(2, 3, 10));
  });

  it("stops exactly at closing time rather than at the next opening", () => {
    expect(addBusinessMinutes(office, ny(2, 2, 9), 480)).toEqual(ny(2, 2, 17));
    expect(addBusinessMinutes(office, ny(2, 2, 9), 481)).toEqual(ny(2, 3, 9, 1));
  });

  it("skips the weekend", () => {
    expect(addBusinessMinutes(office, ny(2, 27, 16), 120)).toEqual(ny(3, 2, 10)); // Friday → Monday
  });

  it("skips a holiday and the weekend after it", () => {
    expect(addBusinessMinutes(office, ny(7, 2, 16), 120)).toEqual(ny(7, 6, 10)); // Thursday → (Fri off) → Monday
    expect(addBusinessMinutes(office, ny(12, 24, 16, 30), 60)).toEqual(ny(12, 28, 9, 30));
  });

  it("counts a start outside working hours from the next opening", () => {
    expect(addBusinessMinutes(office, ny(2, 28, 12), 30)).toEqual(ny(3, 2, 9, 30)); // Saturday noon
    expect(addBusinessMinutes(office, ny(3, 2, 7), 30)).toEqual(ny(3, 2, 9, 30)); // before opening
    expect(addBusinessMinutes(office, ny(3, 2, 18), 30)).toEqual(ny(3, 3, 9, 30)); // after closing
    expect(addBusinessMinutes(office, ny(7, 3, 10), 30)).toEqual(ny(7, 6, 9, 30)); // on the holiday
  });

  it("walks a week-long target day by day", () => {
    expect(addBusinessMinutes(office, ny(2, 2, 9), 2400)).toEqual(ny(2, 6, 17)); // five full days
    // 52 working weeks from Monday 2 February 2026 end on Friday 29 January 2027; the two holidays push it to Tuesday.
    expect(addBusinessMinutes(office, ny(2, 2, 9), 2400 * 52)).toEqual(local(2027, 2, 2, 17, 0, NY));
  });

  it("returns the start for zero minutes, even outside hours, and keeps fractions to the millisecond", () => {
    expect(addBusinessMinutes(office, ny(2, 28, 12), 0)).toEqual(ny(2, 28, 12));
    expect(addBusinessMinutes(office, ny(2, 2, 10), 0.5)).toEqual(new Date(ny(2, 2, 10).getTime() + 30_000));
  });

  it("refuses negative or non-finite minutes and invalid dates", () => {
    expect(() => addBusinessMinutes(office, ny(2, 2, 10), -1)).toThrow(RangeError);
    expect(() => addBusinessMinutes(office, ny(2, 2, 10), Number.NaN)).toThrow(RangeError);
    expect(() => addBusinessMinutes(office, new Date("nope"), 10)).toThrow(/start is not a valid date/);
  });

  it("accepts epoch milliseconds as well as Dates", () => {
    expect(addBusinessMinutes(office, ny(2, 2, 10).getTime(), 60)).toEqual(ny(2, 2, 11));
  });

  it("respects a lunch break", () => {
    const lunch = [{ start: "09:00", end: "12:00" }, { start: "13:00", end: "17:00" }];
    const calendar = createBusinessCalendar({ timeZone: NY, workingHours: { monday: lunch, tuesday: lunch } });
    expect(addBusinessMinutes(calendar, ny(2, 2, 11, 30), 60)).toEqual(ny(2, 2, 13, 30));
    expect(addBusinessMinutes(calendar, ny(2, 2, 12, 15), 1)).toEqual(ny(2, 2, 13, 1));
  });

  it("skips zero-length days (weekdays without hours)", () => {
    const wednesdaysOnly = createBusinessCalendar({ timeZone: NY, workingHours: { monday: [], tuesday: [], wednesday: [{ start: "10:00", end: "12:00" }] } });
    expect(addBusinessMinutes(wednesdaysOnly, ny(2, 2, 10), 60)).toEqual(ny(2, 4, 11));
    expect(addBusinessMinutes(wednesdaysOnly, ny(2, 4, 11), 200)).toEqual(ny(2, 18, 10, 20)); // 60 + 120 + 20 across three Wednesdays
  });

  it("uses the calendar's zone, not the machine's", () => {
    const tokyo = officeCalendar("Asia/Tokyo");
    // Monday 2 February 2026 09:00 in Tokyo is Monday 00:00 UTC.
    expect(addBusinessMinutes(tokyo, new Date("2026-02-01T22:00:00Z"), 60)).toEqual(new Date("2026-02-02T01:00:00Z"));
  });
});

describe("businessMinutesBetween", () => {
  it("counts only working time", () => {
    expect(businessMinutesBetween(office, ny(2, 27, 16), ny(3, 2, 10))).toBe(120);
    expect(businessMinutesBetween(office, ny(7, 2, 9), ny(7, 7, 9))).toBe(480 * 2); // Thu + Mon (Fri is a holiday)
    expect(businessMinutesBetween(office, ny(2, 28, 0), ny(3, 1, 23, 59))).toBe(0); // a weekend
  });

  it("is 0 when `to` is not after `from`, and fractional below a minute", () => {
    expect(businessMinutesBetween(office, ny(2, 2, 11), ny(2, 2, 10))).toBe(0);
    expect(businessMinutesBetween(office, ny(2, 2, 11), ny(2, 2, 11))).toBe(0);
    expect(businessMinutesBetween(office, new Date(ny(2, 2, 9).getTime() + 30_000), ny(2, 2, 9, 1))).toBe(0.5);
  });
});

describe("isWorkingTime / nextWorkingInstant", () => {
  it("treats opening as inside and closing as outside", () => {
    expect(isWorkingTime(office, ny(2, 2, 9))).toBe(true);
    expect(isWorkingTime(office, new Date(ny(2, 2, 17).getTime() - 1))).toBe(true);
    expect(isWorkingTime(office, ny(2, 2, 17))).toBe(false);
    expect(isWorkingTime(office, ny(2, 2, 8, 59))).toBe(false);
  });

  it("is false on weekends and holidays", () => {
    expect(isWorkingTime(office, ny(2, 28, 12))).toBe(false);
    expect(isWorkingTime(office, ny(7, 3, 12))).toBe(false);
  });

  it("gives the instant itself in working time, otherwise the next opening", () => {
    expect(nextWorkingInstant(office, ny(2, 2, 10))).toEqual(ny(2, 2, 10));
    expect(nextWorkingInstant(office, ny(2, 27, 17))).toEqual(ny(3, 2, 9));
    expect(nextWorkingInstant(office, ny(7, 2, 17, 30))).toEqual(ny(7, 6, 9));
  });

  it("handles round-the-clock days written 00:00–24:00", () => {
    const allDay = [{ start: "00:00", end: "24:00" }];
    const weekdaysAllDay = createBusinessCalendar({ timeZone: NY, workingHours: { monday: allDay, tuesday: allDay } });
    expect(isWorkingTime(weekdaysAllDay, ny(2, 3, 0))).toBe(true); // Tuesday midnight, between Monday and Tuesday
    expect(isWorkingTime(weekdaysAllDay, ny(2, 4, 0))).toBe(false); // Wednesday midnight
    expect(addBusinessMinutes(weekdaysAllDay, ny(2, 2, 23), 120)).toEqual(ny(2, 3, 1));
    expect(addBusinessMinutes(weekdaysAllDay, ny(2, 3, 23), 120)).toEqual(ny(2, 9, 1));
  });
});

describe("a calendar with no working time left", () => {
  it("throws instead of looping forever", () => {
    // Working hours only on Mondays, and every Monday for eleven years is a holiday.
    const holidays: { date: string }[] = [];
    for (let day = new Date(Date.UTC(2026, 1, 2)); day.getUTCFullYear() < 2037; day = new Date(day.getTime() + 7 * 86_400_000)) holidays.push({ date: day.toISOString().slice(0, 10) });
    const calendar = createBusinessCalendar({ timeZone: "UTC", workingHours: { monday: [{ start: "09:00", end: "10:00" }] }, holidays });
    expect(() => addBusinessMinutes(calendar, new Date("2026-02-01T00:00:00Z"), 1)).toThrow(/no working time/);
  });
});
