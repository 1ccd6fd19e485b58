import { TZDate } from "@date-fns/tz";

/** DST shifts in the IANA database are 30, 60 or 120 minutes (Lord Howe, almost everywhere, Troll). */
const DST_SHIFTS_MS = [30, 60, 120].map((minutes) => minutes * 60_000);

/**
 * The instant at which a wall clock in `timeZone` shows `minutes` after midnight of the given local
 * date (month 0-based; 1440 is the next midnight). Conversions are @date-fns/tz's; this only pins
 * down the two DST cases so that the answer never depends on the host's own time zone:
 * - a time in a skipped hour (spring forward) moves forward by the gap: 02:30 → 03:30;
 * - a time in a repeated hour (fall back) is its first occurrence. @date-fns/tz picks either
 *   occurrence depending on the host's zone, so the earlier one is searched for explicitly.
 */
export function instantOfWallClock(timeZone: string, year: number, month: number, date: number, minutes: number): number {
  const instant = new TZDate(year, month, date, Math.floor(minutes / 60), minutes % 60, timeZone).getTime();
  const shown = wallClockReading(instant, timeZone);
  let earliest = instant;
  for (const shift of DST_SHIFTS_MS) {
    if (wallClockReading(instant - shift, timeZone) === shown) earliest = Math.min(earliest, instant - shift);
  }
  return earliest;
}

function wallClockReading(instant: number, timeZone: string): number {
  const local = new TZDate(instant, timeZone);
  return (((local.getFullYear() * 12 + local.getMonth()) * 31 + local.getDate()) * 24 + local.getHours()) * 60 + local.getMinutes();
}
