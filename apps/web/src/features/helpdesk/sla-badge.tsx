"use client";

import { cx } from "~/components/ui/cx";
import { slaState, type SlaState } from "./sla-state";
import { useNow } from "./use-now";

type SlaFields = Parameters<typeof slaState>[0];

const styles: Record<SlaState["kind"], string> = {
  none: "bg-neutral-soft text-neutral",
  running: "bg-neutral-soft text-fg",
  "at-risk": "bg-warn-soft text-warn",
  breached: "bg-danger-soft text-danger",
  paused: "bg-neutral-soft text-neutral",
  met: "bg-success-soft text-success",
};
const marks: Partial<Record<SlaState["kind"], string>> = { "at-risk": "At risk · ", breached: "" };

/** The SLA's state at this moment, ticking every second. Hooks once for the whole row. */
export function useSlaState(ticket: SlaFields): SlaState | null {
  const now = useNow(1000);
  return now === null ? null : slaState(ticket, now);
}

/**
 * The SLA as a pill with live time left ("Resolution due in 3h 05m"); at risk and breached say so in
 * words (colour only repeats it). Before the clock starts in the browser it shows the stored state.
 */
export function SlaBadge({ state, fallback, className }: { state: SlaState | null; fallback?: string | null | undefined; className?: string }) {
  if (!state) return <span className={cx("inline-flex rounded-full bg-neutral-soft px-2.5 py-0.5 text-xs font-medium whitespace-nowrap text-neutral", className)}>{fallback ?? "No SLA"}</span>;
  return (
    <span className={cx("inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium whitespace-nowrap tabular-nums", styles[state.kind], className)}>
      {marks[state.kind] ?? ""}
      {state.label}
    </span>
  );
}
