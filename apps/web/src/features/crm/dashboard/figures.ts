/** How the dashboard writes its figures. */

const compact = new Map<string, Intl.NumberFormat>();
const whole = new Map<string, Intl.NumberFormat>();

function currencyFormat(cache: Map<string, Intl.NumberFormat>, currency: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let format = cache.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat("en-US", { style: "currency", currency, ...options });
    } catch {
      format = new Intl.NumberFormat("en-US", options);
    }
    cache.set(currency, format);
  }
  return format;
}

/** `12345.6, "USD"` → `$12,346`. */
export const money = (amount: number, currency: string) => currencyFormat(whole, currency, { maximumFractionDigits: 0 }).format(amount);

/** `12345.6, "USD"` → `$12.3K`, for chart axes. */
export const moneyShort = (amount: number, currency: string) => currencyFormat(compact, currency, { notation: "compact", maximumFractionDigits: 1 }).format(amount);

/** `0.4` → `40%`, `2/3` → `66.7%`; "—" without a rate. */
export function percent(rate: number | null): string {
  if (rate === null) return "—";
  const p = Math.round(rate * 1000) / 10;
  return `${p}%`;
}

/** `27.9` → `27.9 days`, `1` → `1 day`; "—" when nothing was won. */
export function daysText(days: number | null): string {
  if (days === null) return "—";
  return `${days} ${days === 1 ? "day" : "days"}`;
}

/** `"2026-04"` → `Apr 2026`; null → `No close date`. */
export function monthLabel(month: string | null): string {
  if (!month) return "No close date";
  const ms = Date.parse(`${month}-01T00:00:00Z`);
  return Number.isNaN(ms) ? month : new Date(ms).toLocaleDateString("en-US", { month: "short", year: "numeric", timeZone: "UTC" });
}

/** `"2026-03-02"` → `Mar 2`. */
export function dayLabel(day: string): string {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(ms) ? day : new Date(ms).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}
