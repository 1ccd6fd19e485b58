import { cx } from "~/components/ui/cx";
import { runStatusLabel, type SyncRunStatus } from "./format";

const styles: Record<SyncRunStatus, string> = {
  queued: "bg-neutral-soft text-neutral",
  running: "bg-accent-soft text-accent",
  completed: "bg-success-soft text-success",
  failed: "bg-danger-soft text-danger",
  rolled_back: "bg-warn-soft text-warn",
  partially_rolled_back: "bg-warn-soft text-warn",
};

/** A run's status as a pill; the word carries the meaning, the colour repeats it. */
export function RunStatusBadge({ status, dryRun }: { status: SyncRunStatus; dryRun?: boolean }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <span className={cx("inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium whitespace-nowrap", styles[status])}>{runStatusLabel(status)}</span>
      {dryRun ? <span className="inline-flex items-center rounded-full border border-line px-2 py-0.5 text-xs whitespace-nowrap text-muted">Dry run</span> : null}
    </span>
  );
}
