import { cx } from "~/components/ui/cx";

const styles: Record<string, string> = {
  active: "bg-success-soft text-success",
  pending: "bg-warn-soft text-warn",
  discharged: "bg-neutral-soft text-neutral",
};

export function statusLabel(status: string): string {
  return status.charAt(0).toUpperCase() + status.slice(1);
}

/** A client's status as a coloured pill; the word carries the meaning, colour only repeats it. */
export function StatusBadge({ status, className }: { status: string; className?: string }) {
  return (
    <span className={cx("inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium whitespace-nowrap", styles[status] ?? styles.discharged, className)}>
      {statusLabel(status)}
    </span>
  );
}
