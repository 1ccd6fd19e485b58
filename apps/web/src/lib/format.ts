/**
 * Date formatting with a fixed locale, so server and browser render the same text (no hydration
 * mismatch). Timestamps from the server are UTC (`YYYY-MM-DD HH:MM:SS[.ffffff]`).
 */
const LOCALE = "en-US";

const dateFormat = new Intl.DateTimeFormat(LOCALE, { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });

/** `2026-03-12` → `Mar 12, 2026`; empty for null; the raw value if it doesn't parse. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "";
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}

/** A server timestamp as a Date (UTC), or null. */
export function parseServerTimestamp(value: string | null | undefined): Date | null {
  if (!value) return null;
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d{1,6})?Z?$/.exec(value.trim());
  if (!m) return null;
  const date = new Date(`${m[1]}T${m[2]}${(m[3] ?? "").slice(0, 4)}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatDateTime(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat(LOCALE, { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZone, timeZoneName: timeZone === "UTC" ? "short" : undefined }).format(date);
}

/** Full name as staff read it in lists: "Last, First". */
export function sortableName(first: string, last: string): string {
  return [last, first].filter(Boolean).join(", ");
}
