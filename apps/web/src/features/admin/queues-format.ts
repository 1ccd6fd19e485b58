/** How often the Queues page polls: counts and failed jobs change while it is open. */
export const QUEUES_REFRESH_MS = 5_000;

/** Epoch milliseconds as the server's UTC timestamp text (`YYYY-MM-DD HH:MM:SS`), for <DateTime>. */
export function epochToTimestamp(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString().replace("T", " ").slice(0, 19);
}
