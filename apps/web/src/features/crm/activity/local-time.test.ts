import { describe, expect, it } from "vitest";
import { localInputToTimestamp } from "./local-time";

describe("localInputToTimestamp", () => {
  it("turns the input's local time into the UTC timestamp the server stores", () => {
    const local = "2026-11-25T09:30";
    expect(localInputToTimestamp(local)).toBe(new Date(local).toISOString().slice(0, 19).replace("T", " "));
    expect(localInputToTimestamp(local)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });
  it("leaves an empty or unreadable value out", () => {
    expect(localInputToTimestamp("")).toBeUndefined();
    expect(localInputToTimestamp("not a time")).toBeUndefined();
  });
});
