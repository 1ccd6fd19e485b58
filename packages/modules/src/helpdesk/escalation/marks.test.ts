import { describe, expect, it } from "vitest";
import { computeTicketSla } from "../sla";
import { defaultTargets, roundTheClockCalendar } from "../sla/test-calendars";
import { escalationCycle, escalationMarks, type ApplicableLevel } from "./marks";

const calendar = roundTheClockCalendar("UTC");
const start = Date.parse("2026-11-23T10:00:00Z");
const min = (n: number) => start + n * 60_000;
const levels: ApplicableLevel[] = [
  { rule: "R", level: 1, clock: "response", share: 0.5 },
  { rule: "R", level: 2, clock: "resolution", share: 0.75 },
  { rule: "R", level: 3, clock: "resolution", share: 1 },
];
const state = (facts: Partial<Parameters<typeof computeTicketSla>[2]>, now: number) =>
  computeTicketSla(calendar, defaultTargets(), { slaStart: start, priority: "High", ...facts }, { now, marks: [...new Set(levels.map((l) => l.share))] });

describe("escalationMarks", () => {
  it("gives each level the instant its share of the clock's target is used (High: 60 / 480 minutes)", () => {
    expect(escalationMarks(state({}, min(1)), levels).map((m) => [m.level, m.dueAt.getTime()])).toEqual([
      [1, min(30)],
      [2, min(360)],
      [3, min(480)],
    ]);
  });

  it("drops the response levels once the first response is given, and every level once finally resolved", () => {
    expect(escalationMarks(state({ firstRespondedAt: min(10) }, min(20)), levels).map((m) => m.level)).toEqual([2, 3]);
    expect(escalationMarks(state({ firstRespondedAt: min(10), resolutions: [{ resolvedAt: min(20) }] }, min(30)), levels)).toEqual([]);
  });

  it("a hold moves the resolution levels later; paused before reaching them, they have no instant", () => {
    const resumed = escalationMarks(state({ holds: [{ from: min(100), to: min(160) }] }, min(200)), levels);
    expect(resumed.find((m) => m.level === 2)!.dueAt.getTime()).toBe(min(420));
    const paused = escalationMarks(state({ holds: [{ from: min(100), to: null }] }, min(200)), levels);
    expect(paused.map((m) => m.level)).toEqual([1]);
  });
});

describe("escalationCycle", () => {
  it("is the SLA start and the number of reopenings", () => {
    const log = { holds: [], priorityChanges: [], resolutions: [{ resolvedAt: "a", reopenedAt: "b" }, { resolvedAt: "c", reopenedAt: null }] };
    expect(escalationCycle("2026-11-23 10:00:00.000000", log)).toBe("2026-11-23 10:00:00.000000#1");
  });
});
