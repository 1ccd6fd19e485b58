import { describe, expect, it } from "vitest";
import { formatTimestamp, nextTimestamp, parseTimestamp, sameTimestamp } from "./time";

describe("timestamps", () => {
  it("round-trips Frappe's format with microseconds", () => {
    const micros = parseTimestamp("2026-11-24 14:15:21.123456");
    expect(micros).not.toBeNull();
    expect(formatTimestamp(micros!)).toBe("2026-11-24 14:15:21.123456");
    expect(parseTimestamp("2026-11-24T14:15:21Z")).toBe(parseTimestamp("2026-11-24 14:15:21.000000"));
  });

  it("rejects malformed values", () => {
    for (const bad of ["", "yesterday", "2026-11-24", "2026-13-45 99:00:00", "2026-11-24 14:15:21.1234567"]) expect(parseTimestamp(bad)).toBeNull();
  });

  it("compares by instant, not by spelling", () => {
    expect(sameTimestamp("2026-11-24 14:15:21.1", "2026-11-24 14:15:21.100000")).toBe(true);
    expect(sameTimestamp("2026-11-24 14:15:21.100001", "2026-11-24 14:15:21.100000")).toBe(false);
    expect(sameTimestamp("garbage", "garbage")).toBe(false);
  });

  it("issues strictly increasing values, even past a previous value in the future", () => {
    const seen = Array.from({ length: 1000 }, () => nextTimestamp());
    for (let i = 1; i < seen.length; i++) expect(parseTimestamp(seen[i]!)! > parseTimestamp(seen[i - 1]!)!).toBe(true);
    const future = "2999-01-01 00:00:00.000000";
    expect(nextTimestamp(future)).toBe("2999-01-01 00:00:00.000001");
  });
});
