import { cx } from "./cx";

/** A grey placeholder block; the surrounding region carries aria-busy and the accessible label. */
export function Skeleton({ className }: { className?: string }) {
  return <span aria-hidden="true" className={cx("block animate-pulse rounded bg-surface-2", className)} />;
}
