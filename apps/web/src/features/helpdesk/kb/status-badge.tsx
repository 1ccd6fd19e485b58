import { cx } from "~/components/ui/cx";

const styles: Record<string, string> = {
  Published: "bg-success-soft text-success",
  Draft: "bg-warn-soft text-warn",
  Archived: "bg-neutral-soft text-neutral",
};

/** An article's status as a pill; the word carries the meaning, colour only repeats it. */
export function ArticleStatusBadge({ status, className }: { status: string; className?: string }) {
  return <span className={cx("inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium whitespace-nowrap", styles[status] ?? styles.Archived, className)}>{status}</span>;
}
