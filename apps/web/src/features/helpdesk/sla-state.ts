import { parseServerTimestamp } from "~/lib/format";

/** What a ticket's SLA badge says. `urgency` drives row highlighting; the label always says it in words. */
export interface SlaState {
  kind: "none" | "running" | "at-risk" | "breached" | "paused" | "met";
  label: string;
  /** The clock's due instant (ms), when one is running. */
  dueAt: number | null;
}

interface SlaFields {
  agreement_status?: string | null | undefined;
  response_by?: string | null | undefined;
  resolution_by?: string | null | undefined;
  at_risk?: number | null | undefined;
}

/** "2d 4h", "3h 05m", "12m", "45s": the largest two units. */
export function formatDuration(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d) return `${d}d ${h}h`;
  if (h) return `${h}h ${String(m).padStart(2, "0")}m`;
  if (m) return `${m}m`;
  return `${s % 60}s`;
}

/**
 * The SLA at `now`, from the stored due dates: the clock that runs (first response, else resolution),
 * its time left ticking in the browser, and breached once the due instant has passed even before the
 * server's next sweep records it. At risk is the server's flag (its share of the target is the SLA's).
 */
export function slaState(t: SlaFields, now: number): SlaState {
  const status = t.agreement_status ?? null;
  if (status === "Failed") return { kind: "breached", label: "SLA breached", dueAt: null };
  if (status === "Fulfilled") return { kind: "met", label: "SLA met", dueAt: null };
  if (status === "Paused") return { kind: "paused", label: "SLA paused", dueAt: null };
  const clock = status === "First Response Due" ? "Response" : status === "Resolution Due" ? "Resolution" : null;
  const due = parseServerTimestamp(clock === "Response" ? t.response_by : clock === "Resolution" ? t.resolution_by : null);
  if (!clock || !due) return { kind: "none", label: "No SLA", dueAt: null };
  const left = due.getTime() - now;
  if (left <= 0) return { kind: "breached", label: `${clock} overdue by ${formatDuration(left)}`, dueAt: due.getTime() };
  return { kind: t.at_risk ? "at-risk" : "running", label: `${clock} due in ${formatDuration(left)}`, dueAt: due.getTime() };
}
