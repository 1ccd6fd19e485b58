/** An instant as a JS Date or epoch milliseconds (UTC). */
export type Instant = Date | number;

/** Epoch milliseconds of an instant; refuses invalid dates and non-finite numbers. */
export function toEpochMs(instant: Instant, what = "instant"): number {
  const ms = typeof instant === "number" ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`${what} is not a valid date`);
  return ms;
}
