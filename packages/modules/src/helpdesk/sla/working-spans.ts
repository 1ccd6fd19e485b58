import type { BusinessCalendar } from "./business-calendar";
import type { Span } from "./spans";

/** A calendar that yields no working time for this many days in a row is treated as broken. */
const MAX_CLOSED_DAYS = 3700;

/**
 * The calendar's working time from `from` onwards, as an infinite ordered stream of real-time spans
 * (the first one clipped to start at `from`). Walks local days, not minutes: a day already seen
 * costs a pointer step, a new one a few time-zone conversions, so covering D calendar days costs
 * O(D × intervals per day).
 */
export function* workingSpansFrom(calendar: BusinessCalendar, from: number): Generator<Span> {
  // Start one local day early: with DST shifts a day's last span may end just after the next local
  // midnight, and it must still be seen.
  let day = calendar.previousDay(calendar.dayContaining(from));
  let closedDays = 0;
  let lastEnd = from;
  for (;;) {
    let yielded = false;
    for (const span of day.spans) {
      const start = Math.max(span.start, lastEnd);
      if (span.end <= start) continue;
      yielded = true;
      lastEnd = span.end;
      yield { start, end: span.end };
    }
    closedDays = yielded ? 0 : closedDays + 1;
    if (closedDays > MAX_CLOSED_DAYS) {
      throw new Error(`Business calendar (${calendar.timeZone}) has no working time for ${MAX_CLOSED_DAYS} days after ${new Date(from).toISOString()}`);
    }
    day = calendar.nextDay(day);
  }
}
