import { cx } from "~/components/ui/cx";

const styles: Record<string, string> = {
  Open: "bg-accent-soft text-accent",
  Replied: "bg-warn-soft text-warn",
  Paused: "bg-neutral-soft text-neutral",
  Resolved: "bg-success-soft text-success",
  Closed: "bg-neutral-soft text-neutral",
};

/** A ticket's status as the customer reads it ("Replied" means the team is waiting for them). */
export function PortalStatus({ status }: { status: string }) {
  const label = status === "Replied" ? "Awaiting your reply" : status;
  return <span className={cx("inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium whitespace-nowrap", styles[status] ?? styles.Paused)}>{label}</span>;
}
