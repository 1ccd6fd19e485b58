import type { BusinessCalendar } from "./business-calendar";
import { toEpochMs, type Instant } from "./instant";
import { instantAfter, measureUntil, MS_PER_MINUTE } from "./spans";
import { workingSpansFrom } from "./working-spans";

/**
 * The instant when `minutes` of business time have elapsed from `start`: the earliest instant T
 * with `businessMinutesBetween(start, T) === minutes`. A start outside working hours counts from the
 * next opening; a result that lands exactly on a closing time stays there (17:00, not the next
 * morning). `minutes` may be fractional (rounded to the millisecond); 0 returns `start`.
 */
export function addBusinessMinutes(calendar: BusinessCalendar, start: Instant, minutes: number): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`Business minutes must be a non-negative number, got ${minutes}`);
  const from = toEpochMs(start, "start");
  // The working-time stream is infinite, so an answer always exists.
  return new Date(instantAfter(workingSpansFrom(calendar, from), Math.round(minutes * MS_PER_MINUTE), from)!);
}

/** Business minutes (fractional below a minute) between two instants; 0 when `to` ≤ `from`. */
export function businessMinutesBetween(calendar: BusinessCalendar, from: Instant, to: Instant): number {
  const start = toEpochMs(from, "from");
  const end = toEpochMs(to, "to");
  if (end <= start) return 0;
  return measureUntil(workingSpansFrom(calendar, start), end) / MS_PER_MINUTE;
}

/** Whether `at` falls inside working hours (intervals are closed at their start, open at their end). */
export function isWorkingTime(calendar: BusinessCalendar, at: Instant): boolean {
  const ms = toEpochMs(at, "at");
  return firstWorkingInstant(calendar, ms) === ms;
}

/** `at` itself when it is working time, otherwise the next opening. */
export function nextWorkingInstant(calendar: BusinessCalendar, at: Instant): Date {
  return new Date(firstWorkingInstant(calendar, toEpochMs(at, "at")));
}

function firstWorkingInstant(calendar: BusinessCalendar, ms: number): number {
  const first = workingSpansFrom(calendar, ms).next();
  if (first.done) throw new Error("unreachable: the working-time stream never ends");
  return first.value.start;
}
