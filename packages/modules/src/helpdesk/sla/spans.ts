/**
 * Half-open spans of real time [start, end) in epoch milliseconds, and the few operations the SLA
 * maths needs over ordered streams of them. A stream is ordered and non-overlapping (touching spans
 * are allowed); it may be infinite, so every consumer stops as soon as it has its answer.
 */

export interface Span {
  start: number;
  /** Exclusive; `Infinity` for an interval that has not ended (a hold still in progress). */
  end: number;
}

export const MS_PER_MINUTE = 60_000;

/** Sorts spans and merges the overlapping or touching ones; empty spans are dropped. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/**
 * The parts of `source` not covered by `stops` (sorted and merged, see `mergeSpans`). The stream
 * ends at an open-ended stop: time after it never counts.
 */
export function* withoutStops(source: Iterable<Span>, stops: readonly Span[]): Generator<Span> {
  let j = 0;
  for (const span of source) {
    let cursor = span.start;
    while (j < stops.length && stops[j]!.end <= cursor) j++;
    while (j < stops.length && stops[j]!.start < span.end) {
      const stop = stops[j]!;
      if (stop.start > cursor) yield { start: cursor, end: stop.start };
      if (stop.end === Infinity) return;
      cursor = Math.max(cursor, stop.end);
      if (stop.end > span.end) break; // the stop also covers (part of) the next span
      j++;
    }
    if (cursor < span.end) yield { start: cursor, end: span.end };
  }
}

/**
 * The earliest instant at which `amount` ms of the stream's time have elapsed, counting from `from`
 * (the stream must start at or after `from`). `amount` 0 is `from` itself. Null if the stream ends first.
 */
export function instantAfter(spans: Iterable<Span>, amount: number, from: number): number | null {
  if (amount <= 0) return from;
  let remaining = amount;
  for (const span of spans) {
    const length = span.end - span.start;
    if (length >= remaining) return span.start + remaining;
    remaining -= length;
  }
  return null;
}

/** Milliseconds of the stream's time before `to`. */
export function measureUntil(spans: Iterable<Span>, to: number): number {
  let total = 0;
  for (const span of spans) {
    if (span.start >= to) break;
    total += Math.min(span.end, to) - span.start;
  }
  return total;
}
