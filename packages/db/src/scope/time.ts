/** Frappe's timestamp format, in UTC with microseconds: `2026-11-24 14:15:21.123456`. */
export function formatTimestamp(micros: bigint): string {
  const ms = Number(micros / 1000n);
  const iso = new Date(ms).toISOString(); // 2026-11-24T14:15:21.123Z
  const fraction = (micros % 1_000_000n).toString().padStart(6, "0");
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${fraction}`;
}

/** Parses `YYYY-MM-DD HH:MM:SS[.ffffff]` (or ISO with T/Z) to microseconds since the epoch; null if malformed. */
export function parseTimestamp(value: string): bigint | null {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?Z?$/.exec(value.trim());
  if (!m) return null;
  const ms = Date.parse(`${m[1]}T${m[2]}Z`);
  if (Number.isNaN(ms)) return null;
  return BigInt(ms) * 1000n + BigInt((m[3] ?? "").padEnd(6, "0") || "0");
}

let lastIssued = 0n;
/**
 * A fresh `modified` value: now, but strictly later than both the previous value of the document and
 * anything this process issued, so two saves in the same millisecond still differ (optimistic locking
 * relies on it).
 */
export function nextTimestamp(previous?: string | null): string {
  let candidate = BigInt(Date.now()) * 1000n;
  const prev = previous ? parseTimestamp(previous) : null;
  if (prev !== null && candidate <= prev) candidate = prev + 1n;
  if (candidate <= lastIssued) candidate = lastIssued + 1n;
  lastIssued = candidate;
  return formatTimestamp(candidate);
}

export function sameTimestamp(a: string, b: string): boolean {
  const pa = parseTimestamp(a);
  const pb = parseTimestamp(b);
  return pa !== null && pa === pb;
}
