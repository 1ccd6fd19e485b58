import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BusinessCalendar } from "./business-calendar";
import { businessMinutesBetween } from "./business-time";
import { priorityTargetsSchema } from "./priority-targets-schema";
import { officeCalendar, roundTheClockCalendar } from "./test-calendars";
import { computeTicketSla } from "./ticket-sla";
import type { HoldInterval, TicketSlaFacts } from "./ticket-sla-types";

const calendars: BusinessCalendar[] = [
  officeCalendar("America/New_York", [{ date: "2026-03-09" }, { date: "2026-11-02" }]),
  officeCalendar("Europe/London", [{ date: "2026-12-25" }]),
  roundTheClockCalendar("America/New_York"),
];
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const calendar = fc.constantFrom(...calendars);
// Starts around both 2026 DST changes and in between.
const slaStart = fc.integer({ min: Date.UTC(2026, 1, 20), max: Date.UTC(2026, 11, 1) });
/** A closed hold within the ticket's first month. */
const hold = fc.record({ offset: fc.integer({ min: 0, max: 30 * 24 * 60 }), length: fc.integer({ min: 1, max: 5 * 24 * 60 }) });
const holdsOf = (start: number, holds: readonly { offset: number; length: number }[]): HoldInterval[] =>
  holds.map((h) => ({ from: start + h.offset * MINUTE, to: start + (h.offset + h.length) * MINUTE }));
const targetsArb = fc
  .tuple(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 3000 }))
  .map(([a, b]) => priorityTargetsSchema().parse([{ priority: "P", responseMinutes: Math.min(a, b), resolutionMinutes: Math.max(a, b) }]));
// Far enough for every due date to be known: a month of holds plus at most 3000 business minutes.
const farFuture = (start: number) => start + 120 * DAY;

describe("computeTicketSla properties", () => {
  it("resolution_by never moves earlier when hold time grows", () => {
    fc.assert(
      fc.property(
        calendar,
        targetsArb,
        slaStart,
        fc.array(hold, { maxLength: 4 }),
        hold,
        fc.option(fc.integer({ min: 1, max: 600 })),
        (cal, targets, start, holds, extra, respondAfter) => {
          const facts: TicketSlaFacts = { slaStart: start, priority: "P", firstRespondedAt: respondAfter === null ? null : start + respondAfter * MINUTE, holds: holdsOf(start, holds) };
          const grown: TicketSlaFacts = { ...facts, holds: holdsOf(start, [...holds, extra]) };
          const now = farFuture(start);
          const before = computeTicketSla(cal, targets, facts, { now });
          const after = computeTicketSla(cal, targets, grown, { now });
          expect(after.holdMinutes).toBeGreaterThanOrEqual(before.holdMinutes);
          expect(after.resolutionBy!.getTime()).toBeGreaterThanOrEqual(before.resolutionBy!.getTime());
          expect(after.responseBy).toEqual(before.responseBy); // holds never move the response target
        },
      ),
    );
  });

  it("lengthening an existing hold never moves resolution_by earlier either", () => {
    fc.assert(
      fc.property(calendar, targetsArb, slaStart, fc.array(hold, { minLength: 1, maxLength: 4 }), fc.nat(), fc.integer({ min: 1, max: 2000 }), (cal, targets, start, holds, pick, more) => {
        const index = pick % holds.length;
        const longer = holds.map((h, i) => (i === index ? { ...h, length: h.length + more } : h));
        const now = farFuture(start);
        const before = computeTicketSla(cal, targets, { slaStart: start, priority: "P", holds: holdsOf(start, holds) }, { now });
        const after = computeTicketSla(cal, targets, { slaStart: start, priority: "P", holds: holdsOf(start, longer) }, { now });
        expect(after.resolutionBy!.getTime()).toBeGreaterThanOrEqual(before.resolutionBy!.getTime());
      }),
    );
  });

  it("response_by ≤ resolution_by when the response target ≤ the resolution target", () => {
    fc.assert(
      fc.property(calendar, targetsArb, slaStart, fc.array(hold, { maxLength: 4 }), fc.integer({ min: 0, max: 60 * 24 * 60 }), (cal, targets, start, holds, nowAfter) => {
        const state = computeTicketSla(cal, targets, { slaStart: start, priority: "P", holds: holdsOf(start, holds) }, { now: start + nowAfter * MINUTE });
        // While paused before its due date the resolution due date is unknown (null): nothing to compare.
        if (state.resolutionBy !== null) expect(state.responseBy.getTime()).toBeLessThanOrEqual(state.resolutionBy.getTime());
      }),
    );
  });

  it("used + hold minutes = business minutes elapsed, and a breach means the whole target was used", () => {
    fc.assert(
      fc.property(calendar, targetsArb, slaStart, fc.array(hold, { maxLength: 4 }), fc.integer({ min: 0, max: 60 * 24 * 60 }), (cal, targets, start, holds, nowAfter) => {
        const now = start + nowAfter * MINUTE;
        const state = computeTicketSla(cal, targets, { slaStart: start, priority: "P", holds: holdsOf(start, holds) }, { now });
        expect(state.resolution.usedMinutes + state.holdMinutes).toBeCloseTo(businessMinutesBetween(cal, start, now), 6);
        for (const clock of [state.response, state.resolution]) {
          if (clock.breached) expect(clock.shareUsed).toBeGreaterThanOrEqual(1);
          if (clock.shareUsed < 1) expect(clock.breached).toBe(false);
        }
        expect(state.agreementStatus === "Failed").toBe(state.response.breached || state.resolution.breached);
      }),
    );
  });

  it("a reopening never moves resolution_by earlier than the first resolution's due date", () => {
    fc.assert(
      fc.property(calendar, targetsArb, slaStart, fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 5 * 24 * 60 }), (cal, targets, start, resolvedAfter, reopenAfter) => {
        const resolvedAt = start + resolvedAfter * MINUTE;
        const now = farFuture(start);
        const resolved = computeTicketSla(cal, targets, { slaStart: start, priority: "P", resolutions: [{ resolvedAt }] }, { now });
        const reopened = computeTicketSla(cal, targets, { slaStart: start, priority: "P", resolutions: [{ resolvedAt, reopenedAt: resolvedAt + reopenAfter * MINUTE }] }, { now });
        expect(reopened.resolutionBy!.getTime()).toBeGreaterThanOrEqual(resolved.resolutionBy!.getTime());
      }),
    );
  });
});
