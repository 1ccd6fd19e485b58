/** Small formatting helpers for CRM records, whose fields arrive as `Record<string, unknown>`. */

/** A field as text ("" when missing). */
export const text = (value: unknown): string => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");

const money = new Map<string, Intl.NumberFormat>();
/** `12000, "USD"` → `$12,000`; empty when there is no amount. */
export function formatMoney(amount: unknown, currency: unknown): string {
  const value = typeof amount === "number" ? amount : typeof amount === "string" && amount !== "" ? Number(amount) : Number.NaN;
  if (!Number.isFinite(value)) return "";
  const code = text(currency) || "USD";
  let format = money.get(code);
  if (!format) {
    try {
      format = new Intl.NumberFormat("en-US", { style: "currency", currency: code, maximumFractionDigits: 0 });
    } catch {
      format = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
    }
    money.set(code, format);
  }
  return format.format(value);
}

/** Seconds as "3 d 4 h", "2 h 5 min", "42 s". */
export function formatDuration(seconds: unknown): string {
  const s = typeof seconds === "number" ? seconds : Number.NaN;
  if (!Number.isFinite(s) || s < 0) return "";
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3_600);
  const m = Math.floor((s % 3_600) / 60);
  if (d) return `${d} d${h ? ` ${h} h` : ""}`;
  if (h) return `${h} h${m ? ` ${m} min` : ""}`;
  if (m) return `${m} min`;
  return `${Math.round(s)} s`;
}

export const leadHref = (name: string) => `/crm/leads/${encodeURIComponent(name)}`;
export const dealHref = (name: string) => `/crm/deals/${encodeURIComponent(name)}`;
