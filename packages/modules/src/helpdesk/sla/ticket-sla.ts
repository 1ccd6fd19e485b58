import type { BusinessCalendar } from "./business-calendar";
import { toEpochMs } from "./instant";
import type { PriorityTarget, PriorityTargets } from "./priority-targets-schema";
import { instantAfter, measureUntil, MS_PER_MINUTE, withoutStops, type Span } from "./spans";
import { buildTimeline, type SlaTimeline } from "./ticket-sla-timeline";
import { DEFAULT_AT_RISK_SHARE, type AgreementStatus, type SlaClock, type TicketSlaFacts, type TicketSlaOptions, type TicketSlaState } from "./ticket-sla-types";
import { workingSpansFrom } from "./working-spans";

/**
 * A ticket's SLA at `options.now`. Both clocks measure business time from `slaStart` with the
 * targets of the priority in force when the clock stopped (or now, while it runs): a priority change
 * recomputes the due dates from the start, as Frappe does. The resolution clock stops during holds
 * and between a resolution and its reopening; the response clock stops only at the first reply (or
 * the first resolution). Costs O(D × k + h log h): D calendar days since `slaStart`, k working
 * intervals per day, h holds and resolutions; never minute by minute.
 */
export function computeTicketSla(calendar: BusinessCalendar, targets: PriorityTargets, facts: TicketSlaFacts, options: TicketSlaOptions): TicketSlaState {
  const now = toEpochMs(options.now, "now");
  const atRiskShare = options.atRiskShare ?? DEFAULT_AT_RISK_SHARE;
  if (!(atRiskShare > 0 && atRiskShare <= 1)) throw new RangeError(`atRiskShare must be in (0, 1], got ${atRiskShare}`);
  const marks = options.marks ?? [];
  for (const share of marks) if (!(share > 0 && share <= 10)) throw new RangeError(`marks must be shares in (0, 10], got ${share}`);

  const timeline = buildTimeline(facts, now);
  const response = responseClock(calendar, targets, timeline, atRiskShare, marks);
  const resolution = resolutionClock(calendar, targets, timeline, atRiskShare, marks);
  const evaluatedUntil = Math.max(timeline.start, timeline.finalResolvedAt ?? now);
  const elapsedMinutes = measureUntil(workingSpansFrom(calendar, timeline.start), evaluatedUntil) / MS_PER_MINUTE;

  return {
    responseBy: response.dueAt!, // the response clock never pauses, so its due date is always known
    resolutionBy: resolution.dueAt,
    agreementStatus: agreementStatus(timeline, response, resolution),
    holdMinutes: Math.max(0, elapsedMinutes - resolution.usedMinutes),
    onHoldSince: timeline.onHoldSince === null ? null : new Date(timeline.onHoldSince),
    atRisk: response.atRisk || resolution.atRisk,
    response,
    resolution,
  };
}

/** Failed outranks Paused: pausing a ticket must not hide a breach that already happened. */
function agreementStatus(timeline: SlaTimeline, response: SlaClock, resolution: SlaClock): AgreementStatus {
  if (response.breached || resolution.breached) return "Failed";
  if (timeline.onHoldSince !== null) return "Paused";
  if (response.running) return "First Response Due";
  if (timeline.finalResolvedAt === null) return "Resolution Due";
  return "Fulfilled";
}

function targetOf(targets: PriorityTargets, priority: string): PriorityTarget {
  const target = targets.get(priority);
  if (!target) throw new RangeError(`Priority ${priority} has no SLA targets`);
  return target;
}

function responseClock(calendar: BusinessCalendar, targets: PriorityTargets, t: SlaTimeline, atRiskShare: number, marks: readonly number[]): SlaClock {
  const stoppedAt = t.responseStoppedAt;
  const evaluatedAt = Math.max(t.start, stoppedAt ?? t.now);
  const priority = t.priorityAt(evaluatedAt);
  const spans = () => workingSpansFrom(calendar, t.start);
  return clock({
    priority,
    targetMinutes: targetOf(targets, priority).responseMinutes,
    spans,
    start: t.start,
    evaluatedAt,
    // The moment the clock stopped counting, compared with the due instant to decide a breach.
    haltedAt: evaluatedAt,
    stoppedAt,
    running: stoppedAt === null,
    atRiskShare,
    marks,
  });
}

function resolutionClock(calendar: BusinessCalendar, targets: PriorityTargets, t: SlaTimeline, atRiskShare: number, marks: readonly number[]): SlaClock {
  const stoppedAt = t.finalResolvedAt;
  const evaluatedAt = Math.max(t.start, stoppedAt ?? t.now);
  const priority = t.priorityAt(evaluatedAt);
  // The final resolution is not a stop here: its due date is where the clock would have run out.
  const spans = () => withoutStops(workingSpansFrom(calendar, t.start), t.stops);
  return clock({
    priority,
    targetMinutes: targetOf(targets, priority).resolutionMinutes,
    spans,
    start: t.start,
    evaluatedAt,
    haltedAt: stoppedAt ?? t.onHoldSince ?? t.now,
    stoppedAt,
    running: stoppedAt === null && t.onHoldSince === null,
    atRiskShare,
    marks,
  });
}

interface ClockInput {
  priority: string;
  targetMinutes: number;
  /** The clock's counting time from `start` (a fresh stream per call). */
  spans: () => Iterable<Span>;
  start: number;
  evaluatedAt: number;
  haltedAt: number;
  stoppedAt: number | null;
  running: boolean;
  atRiskShare: number;
  marks: readonly number[];
}

function clock(c: ClockInput): SlaClock {
  const instantAtShare = (share: number): Date | null => {
    const at = instantAfter(c.spans(), Math.round(c.targetMinutes * share * MS_PER_MINUTE), c.start);
    return at === null ? null : new Date(at);
  };
  const dueAt = instantAtShare(1);
  const usedMinutes = measureUntil(c.spans(), c.evaluatedAt) / MS_PER_MINUTE;
  const shareUsed = usedMinutes / c.targetMinutes;
  const breached = dueAt !== null && c.haltedAt > dueAt.getTime();
  return {
    priority: c.priority,
    targetMinutes: c.targetMinutes,
    dueAt,
    usedMinutes,
    remainingMinutes: Math.max(0, c.targetMinutes - usedMinutes),
    shareUsed,
    running: c.running,
    stoppedAt: c.stoppedAt === null ? null : new Date(c.stoppedAt),
    breached,
    atRisk: c.running && !breached && shareUsed >= c.atRiskShare,
    marks: c.marks.map((share) => ({ share, at: instantAtShare(share) })),
  };
}
