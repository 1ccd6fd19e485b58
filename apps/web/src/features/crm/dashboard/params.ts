/**
 * The CRM dashboard's filters in the URL (`?from=2026-01-01&to=2026-03-31&team=…&currency=EUR`):
 * the last 90 days by default, presets of 30, 90 and 365 days ending today (UTC days, as the server counts).
 */
export interface DashboardParams {
  from: string;
  to: string;
  team: string | undefined;
  currency: string | undefined;
}

export const PRESETS = [30, 90, 365] as const;
export const DEFAULT_DAYS = 90;
/** The server answers ranges of at most this many days. */
export const MAX_DAYS = 366;

const DAY_MS = 86_400_000;
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);
const valid = (v: string | null) => (v && ISO.test(v) && !Number.isNaN(ms(v)) && day(ms(v)) === v ? v : undefined);

/** The `days` days ending today, today included. */
export function presetRange(days: number, today = new Date()): { from: string; to: string } {
  const to = day(today.getTime());
  return { from: day(ms(to) - (days - 1) * DAY_MS), to };
}

/** Which preset the range is, if it is one (ending today). */
export function activePreset(p: Pick<DashboardParams, "from" | "to">, today = new Date()): number | undefined {
  return PRESETS.find((days) => {
    const r = presetRange(days, today);
    return r.from === p.from && r.to === p.to;
  });
}

export function parseDashboardParams(search: URLSearchParams, today = new Date()): DashboardParams {
  const from = valid(search.get("from"));
  const to = valid(search.get("to"));
  const usable = from && to && from <= to && (ms(to) - ms(from)) / DAY_MS + 1 <= MAX_DAYS;
  const currency = search.get("currency")?.trim().toUpperCase();
  return {
    ...(usable ? { from, to } : presetRange(DEFAULT_DAYS, today)),
    team: search.get("team")?.trim().slice(0, 140) || undefined,
    currency: currency && /^[A-Z]{3}$/.test(currency) ? currency : undefined,
  };
}

export function serializeDashboardParams(p: DashboardParams): string {
  const out = new URLSearchParams({ from: p.from, to: p.to });
  if (p.team) out.set("team", p.team);
  if (p.currency) out.set("currency", p.currency);
  return out.toString();
}

/** The procedure's input for these filters. */
export function toDashboardInput(p: DashboardParams): { from: string; to: string; team?: string; currency?: string } {
  return { from: p.from, to: p.to, ...(p.team ? { team: p.team } : {}), ...(p.currency ? { currency: p.currency } : {}) };
}

/** Why a custom range cannot be asked for (the server's own rules), or undefined when it can. */
export function rangeProblem(from: string, to: string): { field: "from" | "to"; message: string } | undefined {
  if (!valid(from)) return { field: "from", message: "Enter a date" };
  if (!valid(to)) return { field: "to", message: "Enter a date" };
  if (from > to) return { field: "to", message: "To must not be before From" };
  if ((ms(to) - ms(from)) / DAY_MS + 1 > MAX_DAYS) return { field: "from", message: `Choose a range of at most ${MAX_DAYS} days` };
  return undefined;
}
