import { toEpochMs } from "./instant";
import { mergeSpans, type Span } from "./spans";
import type { TicketSlaFacts } from "./ticket-sla-types";

/** A ticket's facts as one consistent timeline in epoch ms, as seen at `now`. */
export interface SlaTimeline {
  start: number;
  now: number;
  /** The priority in force at instant t. */
  priorityAt(t: number): string;
  /** When the response clock stopped: the first reply or the first resolution, whichever came first. */
  responseStoppedAt: number | null;
  /** The resolution that has not been reopened (by `now`). */
  finalResolvedAt: number | null;
  /** When the resolution clock does not run: holds and resolved-then-reopened periods, merged; the last may be open (Infinity). */
  stops: Span[];
  /** Start of the hold in progress (unless resolved). */
  onHoldSince: number | null;
}

/**
 * Normalises the facts: clips them to [slaStart, now], treats a hold or reopening later than `now`
 * as not yet ended, and refuses impossible orderings (a hold or resolution ending before it starts,
 * a resolution before the previous reopening) with a RangeError naming the entry.
 */
export function buildTimeline(facts: TicketSlaFacts, now: number): SlaTimeline {
  const start = toEpochMs(facts.slaStart, "slaStart");
  const changes = (facts.priorityChanges ?? [])
    .map((c, i) => ({ at: toEpochMs(c.at, `priorityChanges[${i}].at`), priority: c.priority }))
    .filter((c) => c.at <= now)
    .sort((a, b) => a.at - b.at);
  const priorityAt = (t: number): string => {
    let priority = facts.priority;
    for (const change of changes) if (change.at <= t) priority = change.priority;
    return priority;
  };

  const stops: Span[] = [];
  let finalResolvedAt: number | null = null;
  let firstResolvedAt: number | null = null;
  let previousReopen = -Infinity;
  for (const [i, r] of (facts.resolutions ?? []).entries()) {
    const resolvedAt = toEpochMs(r.resolvedAt, `resolutions[${i}].resolvedAt`);
    const reopenedAt = r.reopenedAt == null ? null : toEpochMs(r.reopenedAt, `resolutions[${i}].reopenedAt`);
    if (previousReopen === Infinity) throw new RangeError(`resolutions[${i - 1}] was never reopened, so no resolution can follow it`);
    if (resolvedAt < previousReopen) throw new RangeError(`resolutions[${i}] starts before the previous reopening: list resolutions in time order`);
    if (reopenedAt !== null && reopenedAt < resolvedAt) throw new RangeError(`resolutions[${i}] is reopened before it was resolved`);
    previousReopen = reopenedAt ?? Infinity;
    if (resolvedAt > now) continue;
    firstResolvedAt ??= resolvedAt;
    if (reopenedAt === null || reopenedAt > now) finalResolvedAt = resolvedAt;
    else stops.push({ start: Math.max(resolvedAt, start), end: reopenedAt });
  }

  const horizon = finalResolvedAt ?? Infinity; // after the final resolution nothing is on hold
  for (const [i, h] of (facts.holds ?? []).entries()) {
    const from = toEpochMs(h.from, `holds[${i}].from`);
    const to = h.to == null ? Infinity : toEpochMs(h.to, `holds[${i}].to`);
    if (to < from) throw new RangeError(`holds[${i}] ends before it starts`);
    if (from > now || from >= horizon) continue;
    const end = to > now ? Infinity : to;
    stops.push({ start: Math.max(from, start), end: Math.min(end, horizon) });
  }

  const merged = mergeSpans(stops.filter((s) => s.end > start));
  const last = merged[merged.length - 1];
  const firstRespondedAt = facts.firstRespondedAt == null ? null : toEpochMs(facts.firstRespondedAt, "firstRespondedAt");
  const responses = [firstRespondedAt, firstResolvedAt].filter((t): t is number => t !== null && t <= now);
  return {
    start,
    now,
    priorityAt,
    responseStoppedAt: responses.length ? Math.max(start, Math.min(...responses)) : null,
    finalResolvedAt: finalResolvedAt === null ? null : Math.max(start, finalResolvedAt),
    stops: merged,
    onHoldSince: last && last.end === Infinity ? last.start : null,
  };
}
