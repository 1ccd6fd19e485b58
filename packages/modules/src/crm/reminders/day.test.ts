import { describe, expect, it } from "vitest";
import { dayBounds, isTimeZone } from "./day";

describe("dayBounds", () => {
  it("is the UTC day in UTC", () => {
    const { start, end } = dayBounds(new Date("2026-03-08T23:30:00Z"), "UTC");
    expect([start.toISOString(), end.toISOString()]).toEqual(["2026-03-08T00:00:00.000Z", "2026-03-09T00:00:00.000Z"]);
  });

  it("follows the zone's calendar day, DST changes included", () => {
    // 2026-03-08 is the US spring-forward day: New York's day is 23 hours long.
    const ny = dayBounds(new Date("2026-03-08T23:30:00Z"), "America/New_York");
    expect([ny.start.toISOString(), ny.end.toISOString()]).toEqual(["2026-03-08T05:00:00.000Z", "2026-03-09T04:00:00.000Z"]);
    const tokyo = dayBounds(new Date("2026-03-08T23:30:00Z"), "Asia/Tokyo");
    expect([tokyo.start.toISOString(), tokyo.end.toISOString()]).toEqual(["2026-03-08T15:00:00.000Z", "2026-03-09T15:00:00.000Z"]);
  });

  it("knows a time zone from a typo", () => {
    expect(isTimeZone("Europe/Paris")).toBe(true);
    expect(isTimeZone("Europe/Pariss")).toBe(false);
  });
});
