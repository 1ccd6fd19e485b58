/**
 * Wall-clock times of day ("HH:MM") as minutes after local midnight. "24:00" is accepted as an end
 * time only: it means the midnight that ends the day, so a day can be worked round the clock.
 */

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes in one calendar day on the wall clock (a DST day may last 23 or 25 real hours). */
export const MINUTES_PER_DAY = 24 * 60;

/** "09:30" → 570; null when the text is not a valid HH:MM time. "24:00" only when `allowEndOfDay`. */
export function parseTimeOfDay(text: string, allowEndOfDay = false): number | null {
  if (allowEndOfDay && text === "24:00") return MINUTES_PER_DAY;
  const match = TIME_OF_DAY.exec(text);
  if (!match) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}
