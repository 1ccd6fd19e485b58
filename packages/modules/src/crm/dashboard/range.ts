/**
 * The CRM dashboard's calendar: UTC days as `YYYY-MM-DD`, ranges of whole days, and the buckets of
 * the won/lost series (a day each for ranges up to 31 days, else ISO weeks starting on Monday).
 */

const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The longest range the dashboard answers (a leap year), and the longest one shown per day. */
export const MAX_RANGE_DAYS = 366;
export const MAX_DAILY_DAYS = 31;

export type Granularity = "day" | "week";

/** Whether `value` is a real calendar day written `YYYY-MM-DD` (2026-02-30 is not). */
export function isIsoDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
const isoOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** `day` moved by `days` (negative: earlier). */
export function addDays(day: string, days: number): string {
  return isoOf(dayNumber(day) + days);
}

/** Days in [from, to], both included (1 for a single day). */
export function rangeDays(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from) + 1;
}

export function granularityOf(from: string, to: string): Granularity {
  return rangeDays(from, to) <= MAX_DAILY_DAYS ? "day" : "week";
}

/** The first day of the bucket `day` falls in: the day itself, or the Monday of its week. */
export function bucketStart(day: string, granularity: Granularity): string {
  if (granularity === "day") return day;
  const n = dayNumber(day);
  // 1970-01-01 was a Thursday: (n + 3) % 7 is 0 on Mondays.
  return isoOf(n - ((((n + 3) % 7) + 7) % 7));
}

/** Every bucket's first day from the one holding `from` to the one holding `to`, in order. */
export function bucketStarts(from: string, to: string, granularity: Granularity): string[] {
  const step = granularity === "day" ? 1 : 7;
  const out: string[] = [];
  for (let n = dayNumber(bucketStart(from, granularity)), end = dayNumber(to); n <= end; n += step) out.push(isoOf(n));
  return out;
}

/** The range as stored timestamps: [from 00:00, the day after `to` 00:00). */
export function rangeBounds(from: string, to: string): { start: string; until: string } {
  return { start: `${from} 00:00:00.000000`, until: `${addDays(to, 1)} 00:00:00.000000` };
}
