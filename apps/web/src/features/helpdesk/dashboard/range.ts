/** The dashboard's date range in the URL (`?from=2026-01-01&to=2026-01-31&team=…`), last 30 days by default. */
export interface DashboardRange {
  from: string;
  to: string;
  team: string | undefined;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const day = (d: Date) => d.toISOString().slice(0, 10);
const valid = (v: string | null) => (v && ISO.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ? v : undefined);

export function defaultRange(today = new Date()): { from: string; to: string } {
  return { from: day(new Date(today.getTime() - 29 * 86_400_000)), to: day(today) };
}

export function parseRange(search: URLSearchParams, today = new Date()): DashboardRange {
  const fallback = defaultRange(today);
  const from = valid(search.get("from")) ?? fallback.from;
  const to = valid(search.get("to")) ?? fallback.to;
  return { ...(from <= to ? { from, to } : fallback), team: search.get("team")?.trim().slice(0, 140) || undefined };
}

export function serializeRange(r: DashboardRange): string {
  const out = new URLSearchParams({ from: r.from, to: r.to });
  if (r.team) out.set("team", r.team);
  return out.toString();
}

/** Business minutes as "2h 15m" / "3d 4h" (business days of 24 h are not assumed: hours past 24 say so). */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return "—";
  const m = Math.round(minutes);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  return `${h}h ${String(m % 60).padStart(2, "0")}m`;
}
