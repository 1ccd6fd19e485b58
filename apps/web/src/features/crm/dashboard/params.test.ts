import { describe, expect, it } from "vitest";
import { activePreset, parseDashboardParams, presetRange, rangeProblem, serializeDashboardParams, toDashboardInput } from "./params";

const today = new Date("2026-03-15T18:00:00Z");
const parse = (q: string) => parseDashboardParams(new URLSearchParams(q), today);

describe("the dashboard's URL", () => {
  it("defaults to the last 90 days, today included", () => {
    expect(parse("")).toEqual({ from: "2025-12-16", to: "2026-03-15", team: undefined, currency: undefined });
    expect(presetRange(30, today)).toEqual({ from: "2026-02-14", to: "2026-03-15" });
  });

  it("keeps a valid range, team and currency, and round-trips", () => {
    const p = parse("from=2026-01-01&to=2026-01-31&team=West+Coast&currency=eur");
    expect(p).toEqual({ from: "2026-01-01", to: "2026-01-31", team: "West Coast", currency: "EUR" });
    expect(parse(serializeDashboardParams(p))).toEqual(p);
    expect(toDashboardInput(p)).toEqual({ from: "2026-01-01", to: "2026-01-31", team: "West Coast", currency: "EUR" });
    expect(toDashboardInput({ ...p, team: undefined, currency: undefined })).toEqual({ from: "2026-01-01", to: "2026-01-31" });
  });

  it("falls back to the default for a backwards, too long or impossible range", () => {
    for (const q of ["from=2026-02-01&to=2026-01-01", "from=2024-01-01&to=2026-01-01", "from=2026-02-30&to=2026-03-01", "currency=dollars"]) {
      expect(parse(q)).toMatchObject({ from: "2025-12-16", to: "2026-03-15", currency: undefined });
    }
  });

  it("knows which preset a range is", () => {
    expect(activePreset(presetRange(365, today), today)).toBe(365);
    expect(activePreset({ from: "2026-01-01", to: "2026-01-31" }, today)).toBeUndefined();
  });

  it("explains a custom range the server would refuse", () => {
    expect(rangeProblem("2026-01-01", "2026-12-31")).toBeUndefined();
    expect(rangeProblem("2026-02-01", "2026-01-01")).toEqual({ field: "to", message: "To must not be before From" });
    expect(rangeProblem("2024-01-01", "2026-01-01")?.field).toBe("from");
    expect(rangeProblem("", "2026-01-01")?.field).toBe("from");
  });
});
