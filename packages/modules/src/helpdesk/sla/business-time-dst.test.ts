import { describe, expect, it } from "vitest";
import { createBusinessCalendar } from "./business-calendar";
import { addBusinessMinutes, businessMinutesBetween, isWorkingTime, nextWorkingInstant } from "./business-time";
import { local, officeCalendar, roundTheClockCalendar } from "./test-calendars";

// 2026: New York springs forward on Sunday 8 March and falls back on Sunday 1 November;
// London on Sunday 29 March and Sunday 25 October.
const NY = "America/New_York";
const LONDON = "Europe/London";

describe("business time across DST changes", () => {
  it("New York, March: a Friday-afternoon target lands on Monday in EDT", () => {
    const office = officeCalendar(NY);
    const due = addBusinessMinutes(office, local(2026, 3, 6, 16, 0, NY), 120);
    expect(due).toEqual(local(2026, 3, 9, 10, 0, NY));
    expect(due.toISOString()).toBe("2026-03-09T14:00:00.000Z"); // UTC-4 now, not UTC-5
    expect(businessMinutesBetween(office, local(2026, 3, 6, 16, 0, NY), due)).toBe(120);
  });

  it("New York, November: a Friday-afternoon target lands on Monday in EST", () => {
    const due = addBusinessMinutes(officeCalendar(NY), local(2026, 10, 30, 16, 0, NY), 120);
    expect(due.toISOString()).toBe("2026-11-02T15:00:00.000Z"); // Monday 10:00 EST
  });

  it("London, March and October", () => {
    const office = officeCalendar(LONDON);
    expect(addBusinessMinutes(office, local(2026, 3, 27, 16, 0, LONDON), 120).toISOString()).toBe("2026-03-30T09:00:00.000Z"); // Monday 10:00 BST
    expect(addBusinessMinutes(office, local(2026, 10, 23, 16, 0, LONDON), 120).toISOString()).toBe("2026-10-26T10:00:00.000Z"); // Monday 10:00 GMT
  });

  it("a round-the-clock calendar counts real minutes: 23 hours in the spring-forward day, 25 in the fall-back day", () => {
    const nyAllDay = roundTheClockCalendar(NY);
    expect(businessMinutesBetween(nyAllDay, local(2026, 3, 8, 0, 0, NY), local(2026, 3, 9, 0, 0, NY))).toBe(23 * 60);
    expect(businessMinutesBetween(nyAllDay, local(2026, 11, 1, 0, 0, NY), local(2026, 11, 2, 0, 0, NY))).toBe(25 * 60);
    const londonAllDay = roundTheClockCalendar(LONDON);
    expect(businessMinutesBetween(londonAllDay, local(2026, 3, 29, 0, 0, LONDON), local(2026, 3, 30, 0, 0, LONDON))).toBe(23 * 60);
    expect(businessMinutesBetween(londonAllDay, local(2026, 10, 25, 0, 0, LONDON), local(2026, 10, 26, 0, 0, LONDON))).toBe(25 * 60);
  });

  it("six business hours overnight are six real hours, whatever the wall clock says", () => {
    const nyAllDay = roundTheClockCalendar(NY);
    // Saturday 22:00 EST + 6 h = Sunday 05:00 EDT (the wall clock moved 7 h).
    expect(addBusinessMinutes(nyAllDay, local(2026, 3, 7, 22, 0, NY), 360).toISOString()).toBe("2026-03-08T09:00:00.000Z");
    // Saturday 22:00 EDT + 6 h = Sunday 03:00 EST (the wall clock moved 5 h).
    expect(addBusinessMinutes(nyAllDay, local(2026, 10, 31, 22, 0, NY), 360).toISOString()).toBe("2026-11-01T08:00:00.000Z");
  });

  it("working hours that contain the changed hour are shorter or longer that day", () => {
    const night = createBusinessCalendar({ timeZone: NY, workingHours: { sunday: [{ start: "01:00", end: "04:00" }] } });
    expect(businessMinutesBetween(night, local(2026, 3, 8, 0, 0, NY), local(2026, 3, 9, 0, 0, NY))).toBe(120);
    expect(businessMinutesBetween(night, local(2026, 11, 1, 0, 0, NY), local(2026, 11, 2, 0, 0, NY))).toBe(240);
    expect(businessMinutesBetween(night, local(2026, 3, 1, 0, 0, NY), local(2026, 3, 2, 0, 0, NY))).toBe(180);
  });

  it("a boundary inside the skipped hour moves forward with the clock", () => {
    // 02:30 does not exist on 8 March in New York: the interval opens at 03:30 EDT.
    const calendar = createBusinessCalendar({ timeZone: NY, workingHours: { sunday: [{ start: "02:30", end: "05:00" }] } });
    expect(isWorkingTime(calendar, new Date("2026-03-08T07:15:00Z"))).toBe(false); // 03:15 EDT
    expect(isWorkingTime(calendar, new Date("2026-03-08T07:30:00Z"))).toBe(true); // 03:30 EDT
    expect(businessMinutesBetween(calendar, local(2026, 3, 8, 0, 0, NY), local(2026, 3, 9, 0, 0, NY))).toBe(90);
  });

  it("southern hemisphere: Sydney leaves summer time on Sunday 5 April 2026", () => {
    const sydney = officeCalendar("Australia/Sydney");
    // Friday 3 April is Good Friday in reality, but not in this calendar: 16:00 AEDT (UTC+11) + 120 → Monday 10:00 AEST (UTC+10).
    expect(addBusinessMinutes(sydney, local(2026, 4, 3, 16, 0, "Australia/Sydney"), 120).toISOString()).toBe("2026-04-06T00:00:00.000Z");
  });
});

describe("independence from the host's time zone", () => {
  // @date-fns/tz resolves a repeated (fall-back) wall-clock time differently depending on the
  // process's own zone; the calendar must not. Node re-reads TZ when it is assigned.
  const hostZones = ["UTC", "America/Los_Angeles", "America/New_York", "Europe/London", "Asia/Tokyo", "Australia/Sydney"];
  const originalTz = process.env.TZ;

  it.each(hostZones)("gives the same answers on a host in %s", (hostZone) => {
    process.env.TZ = hostZone;
    try {
      const nyNight = createBusinessCalendar({ timeZone: NY, workingHours: { sunday: [{ start: "01:00", end: "04:00" }] } });
      expect(businessMinutesBetween(nyNight, new Date("2026-11-01T00:00:00Z"), new Date("2026-11-02T00:00:00Z"))).toBe(240);
      // Repeated hour → first occurrence: 01:30 EDT (05:30Z) in New York, 01:30 BST (00:30Z) in London.
      expect(nextWorkingInstant(createBusinessCalendar({ timeZone: NY, workingHours: { sunday: [{ start: "01:30", end: "04:00" }] } }), new Date("2026-11-01T00:00:00Z")).toISOString()).toBe("2026-11-01T05:30:00.000Z");
      expect(nextWorkingInstant(createBusinessCalendar({ timeZone: LONDON, workingHours: { sunday: [{ start: "01:30", end: "04:00" }] } }), new Date("2026-10-24T12:00:00Z")).toISOString()).toBe("2026-10-25T00:30:00.000Z");
      // Skipped hour → forward by the gap: 02:30 → 03:30 EDT (07:30Z).
      expect(nextWorkingInstant(createBusinessCalendar({ timeZone: NY, workingHours: { sunday: [{ start: "02:30", end: "05:00" }] } }), new Date("2026-03-08T00:00:00Z")).toISOString()).toBe("2026-03-08T07:30:00.000Z");
      expect(addBusinessMinutes(officeCalendar(NY), local(2026, 10, 30, 16, 0, NY), 120).toISOString()).toBe("2026-11-02T15:00:00.000Z");
    } finally {
      if (originalTz === undefined) delete process.env.TZ;
      else process.env.TZ = originalTz;
    }
  });
});
