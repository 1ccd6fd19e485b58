import { describe, expect, it } from "vitest";
import { computeTicketSla } from "./ticket-sla";
import { defaultTargets, local, officeCalendar } from "./test-calendars";
import type { TicketSlaFacts } from "./ticket-sla-types";

const NY = "America/New_York";
// Mon–Fri 09:00–17:00 New York, Friday 3 July 2026 off. Targets (business minutes):
// Low 480/2400, Medium 240/960, High 60/480, Urgent 30/240.
const office = officeCalendar(NY, [{ date: "2026-07-03" }]);
const targets = defaultTargets();
const ny = (month: number, day: number, hour: number, minute = 0) => local(2026, month, day, hour, minute, NY);
// Monday 2 February 2026, 10:00.
const created = ny(2, 2, 10);
const high: TicketSlaFacts = { slaStart: created, priority: "High" };
const sla = (facts: TicketSlaFacts, now: Date, options: { atRiskShare?: number; marks?: number[] } = {}) => computeTicketSla(office, targets, facts, { now, ...options });

describe("computeTicketSla: a new ticket", () => {
  it("sets both due dates from the SLA start and waits for the first response", () => {
    const state = sla(high, created);
    expect(state.responseBy).toEqual(ny(2, 2, 11));
    expect(state.resolutionBy).toEqual(ny(2, 3, 10)); // 7 h on Monday + 1 h on Tuesday
    expect(state.agreementStatus).toBe("First Response Due");
    expect(state.response).toMatchObject({ priority: "High", targetMinutes: 60, usedMinutes: 0, shareUsed: 0, running: true, breached: false, atRisk: false });
    expect(state.holdMinutes).toBe(0);
  });

  it("is at risk once the configured share of a running target is used", () => {
    expect(sla(high, ny(2, 2, 10, 50)).atRisk).toBe(true); // 50 of 60 minutes ≥ 75 %
    expect(sla(high, ny(2, 2, 10, 50), { atRiskShare: 0.9 }).atRisk).toBe(false);
    expect(sla(high, ny(2, 2, 10, 50)).response.shareUsed).toBeCloseTo(50 / 60);
  });

  it("fails the response when nobody replies in time", () => {
    const state = sla(high, ny(2, 2, 11, 1));
    expect(state.agreementStatus).toBe("Failed");
    expect(state.response.breached).toBe(true);
    expect(state.response.atRisk).toBe(false); // breached, no longer "at risk"
    expect(state.response.remainingMinutes).toBe(0);
  });

  it("reports the instants of escalation marks", () => {
    const { response, resolution } = sla(high, created, { marks: [0.5, 0.75, 1] });
    expect(response.marks).toEqual([
      { share: 0.5, at: ny(2, 2, 10, 30) },
      { share: 0.75, at: ny(2, 2, 10, 45) },
      { share: 1, at: ny(2, 2, 11) },
    ]);
    expect(resolution.marks[1]).toEqual({ share: 0.75, at: ny(2, 2, 16) }); // 360 of 480 minutes, all on Monday
  });

  it("counts a ticket raised after hours from the next opening", () => {
    const state = sla({ slaStart: ny(1, 30, 16, 30), priority: "High" }, ny(1, 31, 12)); // Friday 16:30, seen on Saturday
    expect(state.responseBy).toEqual(ny(2, 2, 9, 30));
    expect(state.response.usedMinutes).toBe(30);
    expect(state.agreementStatus).toBe("First Response Due");
  });

  it("skips holidays", () => {
    const state = sla({ slaStart: ny(7, 2, 16), priority: "High" }, ny(7, 2, 16)); // Thursday before the holiday
    expect(state.responseBy).toEqual(ny(7, 2, 17));
    expect(state.resolutionBy).toEqual(ny(7, 6, 16));
  });

  it("crosses a DST change", () => {
    const state = sla({ slaStart: ny(3, 6, 16), priority: "Urgent" }, ny(3, 6, 16));
    expect(state.responseBy).toEqual(ny(3, 6, 16, 30));
    expect(state.resolutionBy!.toISOString()).toBe("2026-03-09T16:00:00.000Z"); // Monday 12:00 EDT
  });

  it("ignores events recorded after `now`", () => {
    const state = sla({ ...high, firstRespondedAt: ny(2, 2, 10, 40) }, ny(2, 2, 10, 30));
    expect(state.agreementStatus).toBe("First Response Due");
    expect(state.response.stoppedAt).toBeNull();
  });
});

describe("computeTicketSla: response and resolution", () => {
  const responded: TicketSlaFacts = { ...high, firstRespondedAt: ny(2, 2, 10, 15) };

  it("after the first response the resolution is due", () => {
    const state = sla(responded, ny(2, 2, 12));
    expect(state.agreementStatus).toBe("Resolution Due");
    expect(state.response).toMatchObject({ running: false, breached: false, usedMinutes: 15, stoppedAt: ny(2, 2, 10, 15) });
    expect(state.resolution).toMatchObject({ running: true, usedMinutes: 120, remainingMinutes: 360 });
  });

  it("a late first response stays failed", () => {
    const state = sla({ ...high, firstRespondedAt: ny(2, 2, 11, 30) }, ny(2, 2, 12));
    expect(state.response.breached).toBe(true);
    expect(state.agreementStatus).toBe("Failed");
  });

  it("responding exactly at the due instant meets the target", () => {
    expect(sla({ ...high, firstRespondedAt: ny(2, 2, 11) }, ny(2, 2, 12)).response.breached).toBe(false);
  });

  it("a resolution in time is Fulfilled and keeps its due date", () => {
    const state = sla({ ...responded, resolutions: [{ resolvedAt: ny(2, 2, 15) }] }, ny(2, 10, 9));
    expect(state.agreementStatus).toBe("Fulfilled");
    expect(state.resolutionBy).toEqual(ny(2, 3, 10));
    expect(state.resolution).toMatchObject({ running: false, breached: false, usedMinutes: 300, stoppedAt: ny(2, 2, 15) });
  });

  it("a late resolution is Failed", () => {
    const state = sla({ ...responded, resolutions: [{ resolvedAt: ny(2, 3, 11) }] }, ny(2, 10, 9));
    expect(state.agreementStatus).toBe("Failed");
    expect(state.resolution.breached).toBe(true);
    expect(state.response.breached).toBe(false);
  });

  it("a resolution without any reply also stops the response clock", () => {
    const state = sla({ ...high, resolutions: [{ resolvedAt: ny(2, 2, 10, 20) }] }, ny(2, 5, 9));
    expect(state.agreementStatus).toBe("Fulfilled");
    expect(state.response).toMatchObject({ running: false, breached: false, stoppedAt: ny(2, 2, 10, 20) });
  });
});

describe("computeTicketSla: holds (paused statuses)", () => {
  const responded: TicketSlaFacts = { ...high, firstRespondedAt: ny(2, 2, 10, 15) };

  it("a finished hold pushes the resolution due date by its business minutes", () => {
    const state = sla({ ...responded, holds: [{ from: ny(2, 2, 12), to: ny(2, 2, 15) }] }, ny(2, 2, 16));
    expect(state.holdMinutes).toBe(180);
    expect(state.resolutionBy).toEqual(ny(2, 3, 13));
    expect(state.responseBy).toEqual(ny(2, 2, 11)); // holds do not move the response target
    expect(state.agreementStatus).toBe("Resolution Due");
  });

  it("a hold over the night counts business minutes, not wall-clock hours", () => {
    const state = sla({ ...responded, holds: [{ from: ny(2, 2, 16), to: ny(2, 3, 10) }] }, ny(2, 3, 12));
    expect(state.holdMinutes).toBe(120);
    expect(state.resolutionBy).toEqual(ny(2, 3, 12));
  });

  it("while paused the clock stands still and the due date is unknown", () => {
    const state = sla({ ...responded, holds: [{ from: ny(2, 2, 12) }] }, ny(2, 3, 9, 30));
    expect(state.agreementStatus).toBe("Paused");
    expect(state.onHoldSince).toEqual(ny(2, 2, 12));
    expect(state.resolutionBy).toBeNull();
    expect(state.resolution).toMatchObject({ running: false, usedMinutes: 120, remainingMinutes: 360, atRisk: false, breached: false });
    expect(state.holdMinutes).toBe(300 + 30);
  });

  it("a hold that ends after `now` is still in progress", () => {
    expect(sla({ ...responded, holds: [{ from: ny(2, 2, 12), to: ny(2, 2, 14) }] }, ny(2, 2, 13)).agreementStatus).toBe("Paused");
  });

  it("pausing after the due date does not hide the breach", () => {
    const state = sla({ ...responded, holds: [{ from: ny(2, 3, 11) }] }, ny(2, 4, 9));
    expect(state.agreementStatus).toBe("Failed");
    expect(state.resolutionBy).toEqual(ny(2, 3, 10));
    expect(state.resolution.breached).toBe(true);
  });

  it("the response clock keeps running while paused", () => {
    const state = sla({ ...high, holds: [{ from: ny(2, 2, 10, 10) }] }, ny(2, 2, 11, 30));
    expect(state.response.breached).toBe(true);
    expect(state.agreementStatus).toBe("Failed");
  });

  it("overlapping hold records count once", () => {
    const state = sla({ ...responded, holds: [{ from: ny(2, 2, 12), to: ny(2, 2, 14) }, { from: ny(2, 2, 13), to: ny(2, 2, 15) }] }, ny(2, 2, 16));
    expect(state.holdMinutes).toBe(180);
  });
});

describe("computeTicketSla: priority changes", () => {
  it("raising the priority recomputes the due dates from the start with the new targets", () => {
    const facts: TicketSlaFacts = { slaStart: created, priority: "Low", priorityChanges: [{ at: ny(2, 2, 10, 10), priority: "Urgent" }] };
    const before = sla(facts, ny(2, 2, 10, 5));
    expect(before.responseBy).toEqual(ny(2, 3, 10)); // Low: 480 minutes, 420 on Monday and 60 on Tuesday
    const after = sla(facts, ny(2, 2, 10, 20));
    expect(after.response.priority).toBe("Urgent");
    expect(after.responseBy).toEqual(ny(2, 2, 10, 30));
    expect(after.resolutionBy).toEqual(ny(2, 2, 14));
    expect(after.agreementStatus).toBe("First Response Due");
    expect(sla(facts, ny(2, 2, 10, 40)).agreementStatus).toBe("Failed");
  });

  it("lowering the priority gives more time", () => {
    const facts: TicketSlaFacts = { ...high, priorityChanges: [{ at: ny(2, 2, 10, 30), priority: "Low" }] };
    expect(sla(facts, ny(2, 2, 11, 30)).agreementStatus).toBe("First Response Due");
    expect(sla(facts, ny(2, 2, 11, 30)).resolutionBy).toEqual(ny(2, 9, 10));
  });

  it("a clock that has stopped keeps the priority it stopped under", () => {
    const facts: TicketSlaFacts = { ...high, firstRespondedAt: ny(2, 2, 10, 45), priorityChanges: [{ at: ny(2, 2, 11), priority: "Urgent" }] };
    const state = sla(facts, ny(2, 2, 12));
    expect(state.response).toMatchObject({ priority: "High", breached: false });
    expect(state.responseBy).toEqual(ny(2, 2, 11));
    expect(state.resolution.priority).toBe("Urgent");
    expect(state.resolutionBy).toEqual(ny(2, 2, 14));
  });

  it("refuses a priority without targets", () => {
    expect(() => sla({ slaStart: created, priority: "Critical" }, created)).toThrow(/Priority Critical has no SLA targets/);
  });
});

describe("computeTicketSla: reopening", () => {
  // High, answered at 10:10, resolved Monday 13:00 (180 of 480 minutes used), reopened Tuesday 11:00.
  const reopened: TicketSlaFacts = { ...high, firstRespondedAt: ny(2, 2, 10, 10), resolutions: [{ resolvedAt: ny(2, 2, 13), reopenedAt: ny(2, 3, 11) }] };

  it("a resolved ticket is Fulfilled until it is reopened", () => {
    expect(sla(reopened, ny(2, 3, 10)).agreementStatus).toBe("Fulfilled");
  });

  it("the resolution clock resumes where it stopped: resolved time is excluded like hold time", () => {
    const state = sla(reopened, ny(2, 3, 12));
    expect(state.agreementStatus).toBe("Resolution Due");
    expect(state.holdMinutes).toBe(240 + 120);
    expect(state.resolution.usedMinutes).toBe(180 + 60);
    expect(state.resolutionBy).toEqual(ny(2, 3, 16));
  });

  it("resolving again in time is Fulfilled; late is Failed", () => {
    const again = (at: Date): TicketSlaFacts => ({ ...reopened, resolutions: [...reopened.resolutions!, { resolvedAt: at }] });
    expect(sla(again(ny(2, 3, 15)), ny(2, 4, 9)).agreementStatus).toBe("Fulfilled");
    expect(sla(again(ny(2, 3, 16, 30)), ny(2, 4, 9))).toMatchObject({ agreementStatus: "Failed", resolution: { breached: true, stoppedAt: ny(2, 3, 16, 30) } });
  });

  it("holds and reopenings combine", () => {
    const facts: TicketSlaFacts = { ...reopened, holds: [{ from: ny(2, 3, 13), to: ny(2, 3, 14) }] };
    expect(sla(facts, ny(2, 3, 15)).resolutionBy).toEqual(ny(2, 3, 17));
    expect(sla(facts, ny(2, 3, 15)).holdMinutes).toBe(360 + 60);
  });

  it("refuses resolutions out of order or reopened before they were resolved", () => {
    expect(() => sla({ ...high, resolutions: [{ resolvedAt: ny(2, 2, 13), reopenedAt: ny(2, 2, 12) }] }, ny(2, 3, 9))).toThrow(/reopened before it was resolved/);
    expect(() => sla({ ...high, resolutions: [{ resolvedAt: ny(2, 2, 13) }, { resolvedAt: ny(2, 2, 15) }] }, ny(2, 3, 9))).toThrow(/never reopened/);
    expect(() => sla({ ...high, holds: [{ from: ny(2, 2, 13), to: ny(2, 2, 12) }] }, ny(2, 3, 9))).toThrow(/holds\[0\] ends before it starts/);
  });
});

describe("computeTicketSla: options", () => {
  it("refuses an at-risk share outside (0, 1] and nonsensical marks", () => {
    expect(() => sla(high, created, { atRiskShare: 0 })).toThrow(RangeError);
    expect(() => sla(high, created, { atRiskShare: 1.5 })).toThrow(RangeError);
    expect(() => sla(high, created, { marks: [-1] })).toThrow(RangeError);
  });
});
