import { describe, expect, it } from "vitest";
import { addDays, bucketStart, bucketStarts, granularityOf, isIsoDay, rangeBounds, rangeDays } from "./range";

describe("the dashboard's calendar", () => {
  it("accepts real calendar days only", () => {
    expect(isIsoDay("2024-02-29")).toBe(true);
    expect(isIsoDay("2025-02-29")).toBe(false);
    expect(isIsoDay("2025-13-01")).toBe(false);
    expect(isIsoDay("2025-1-01")).toBe(false);
  });

  it("counts days with both ends included, across month and year ends", () => {
    expect(rangeDays("2025-03-01", "2025-03-01")).toBe(1);
    expect(rangeDays("2024-01-01", "2024-12-31")).toBe(366);
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2025-03-01", -1)).toBe("2025-02-28");
  });

  it("shows a day per bucket up to 31 days, weeks beyond", () => {
    expect(granularityOf("2025-01-01", "2025-01-31")).toBe("day");
    expect(granularityOf("2025-01-01", "2025-02-01")).toBe("week");
  });

  it("starts weeks on Monday, before 1970 too", () => {
    expect(bucketStart("2025-03-05", "week")).toBe("2025-03-03"); // a Wednesday
    expect(bucketStart("2025-03-03", "week")).toBe("2025-03-03");
    expect(bucketStart("2025-03-09", "week")).toBe("2025-03-03"); // a Sunday
    expect(bucketStart("1969-12-31", "week")).toBe("1969-12-29");
    expect(bucketStart("2025-03-05", "day")).toBe("2025-03-05");
  });

  it("lists every bucket of the range, empty ones included", () => {
    expect(bucketStarts("2025-03-05", "2025-03-07", "day")).toEqual(["2025-03-05", "2025-03-06", "2025-03-07"]);
    expect(bucketStarts("2025-03-05", "2025-03-17", "week")).toEqual(["2025-03-03", "2025-03-10", "2025-03-17"]);
  });

  it("turns the range into stored-timestamp bounds, the last day included", () => {
    expect(rangeBounds("2025-03-01", "2025-03-31")).toEqual({ start: "2025-03-01 00:00:00.000000", until: "2025-04-01 00:00:00.000000" });
  });
});
