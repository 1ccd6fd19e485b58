import type { SyncRun } from "./format";

type Counted = Pick<SyncRun, "imported" | "updated" | "skipped" | "conflicts" | "duplicates" | "errors" | "removed">;

const counts: { key: keyof Counted; label: string; dryLabel: string }[] = [
  { key: "imported", label: "Imported", dryLabel: "To create" },
  { key: "updated", label: "Updated", dryLabel: "To update" },
  { key: "skipped", label: "Skipped", dryLabel: "Unchanged" },
  { key: "conflicts", label: "Conflicts", dryLabel: "Conflicts" },
  { key: "duplicates", label: "Duplicates", dryLabel: "Duplicates" },
  { key: "errors", label: "Errors", dryLabel: "Errors" },
  { key: "removed", label: "Removed", dryLabel: "To flag removed" },
];

/** A run's counts as term/definition pairs in a named group; a dry run's read as what a real run would do. */
export function RunCounts({ run, dryRun = false, label }: { run: Counted; dryRun?: boolean; label: string }) {
  return (
    <div role="group" aria-label={label}>
      <dl className="grid grid-cols-3 gap-x-4 gap-y-2 text-sm sm:grid-cols-7">
        {counts.map((c) => (
          <div key={c.key}>
            <dt className="text-xs text-muted">{dryRun ? c.dryLabel : c.label}</dt>
            <dd className={c.key === "errors" && run.errors > 0 ? "font-semibold text-danger tabular-nums" : "font-semibold tabular-nums"}>{run[c.key]}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
