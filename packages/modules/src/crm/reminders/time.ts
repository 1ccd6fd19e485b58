import { formatTimestamp, parseTimestamp } from "@orchestrator/db";

/** An instant as the database stores it (UTC `YYYY-MM-DD HH:MM:SS.ffffff`). */
export const stamp = (at: Date): string => formatTimestamp(BigInt(at.getTime()) * 1000n);

/** A stored timestamp as a Date, or null. */
export function instant(value: unknown): Date | null {
  if (typeof value !== "string" || !value) return null;
  const micros = parseTimestamp(value);
  return micros === null ? null : new Date(Number(micros / 1000n));
}
