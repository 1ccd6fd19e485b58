"use client";

import { Button } from "~/components/ui/button";
import { DateTime } from "~/components/ui/date-time";
import { EmptyState } from "~/components/ui/empty-state";
import { ErrorState } from "~/components/ui/error-state";
import { inputClasses, labelClasses } from "~/components/ui/field";
import { OffsetPager } from "~/components/ui/offset-pager";
import { PageHeader } from "~/components/ui/page-header";
import { Skeleton } from "~/components/ui/skeleton";
import { usePathname, useSearchParams } from "~/lib/navigation";
import { ChangeList } from "./change-list";
import { actionLabels, duration, isActive, sourceLabel, type SyncRunDetail } from "./format";
import { Rollback } from "./rollback";
import { RunCounts } from "./run-counts";
import { CHANGES_PAGE, changeActions, runInput, runQuery } from "./run-params";
import { RunStatusBadge } from "./run-status-badge";
import { useSyncRun } from "./use-sync-run";

function Facts({ run }: { run: SyncRunDetail }) {
  const took = duration(run.started_at, run.finished_at);
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
      <dt className="text-muted">Source</dt><dd>{sourceLabel(run.source)}, {run.sync_type}{run.since ? <> since <DateTime value={run.since} /></> : null}</dd>
      <dt className="text-muted">Started by</dt><dd className="break-all">{run.actor} ({run.trigger})</dd>
      <dt className="text-muted">Started</dt><dd>{run.started_at ? <DateTime value={run.started_at} /> : "not yet"}</dd>
      {run.finished_at ? <><dt className="text-muted">Finished</dt><dd><DateTime value={run.finished_at} />{took ? ` (${took})` : ""}</dd></> : null}
      {run.rolled_back_at ? <><dt className="text-muted">Rolled back</dt><dd><DateTime value={run.rolled_back_at} /> by {run.rolled_back_by}</dd></> : null}
    </dl>
  );
}

/** While the run is queued or running: pages done and counts so far (the page refreshes every 2 s). */
function Progress({ run }: { run: SyncRunDetail }) {
  return (
    <p role="status" className="rounded-md border border-line bg-accent-soft px-3 py-2 text-sm">
      {run.status === "queued" ? "Waiting for the worker…" : `Running (${run.phase}): ${run.pages_done} page(s) done, ${run.imported} imported, ${run.updated} updated, ${run.errors} errors so far.`}
      {run.attempts > 1 ? ` Attempt ${run.attempts}.` : ""}
    </p>
  );
}

/** A sync run: status, counts, live progress, the per-client diff (filterable, paged) and Roll back. */
export function RunDetail({ name }: { name: string }) {
  const pathname = usePathname();
  const input = runInput(name, useSearchParams());
  const query = useSyncRun(input);
  const go = (next: typeof input) => window.history.pushState(null, "", `${pathname}${runQuery(next)}`);

  if (query.isPending) return <div aria-busy="true" aria-label="Loading the run" className="space-y-3">{Array.from({ length: 3 }, (_, i) => <Skeleton key={i} className="h-16 w-full" />)}</div>;
  if (query.isError) return <ErrorState action={<Button onClick={() => void query.refetch()}>Try again</Button>} />;
  const run = query.data;
  return (
    <>
      <PageHeader title={`Sync run ${run.name}`} description={<span>Status: <RunStatusBadge status={run.status} dryRun={run.dry_run} /></span>} />
      <div className="space-y-4">
        {isActive(run.status) ? <Progress run={run} /> : null}
        {run.dry_run && !isActive(run.status) ? <p className="text-sm text-muted">A dry run: it shows what a real run would have done and changed nothing.</p> : null}
        {run.error ? <p role={run.status === "failed" ? "alert" : undefined} className="text-sm text-danger">{run.status === "failed" ? "Failed: " : "Last error: "}{run.error}</p> : null}
        <Facts run={run} />
        <RunCounts run={run} dryRun={run.dry_run} label="Run counts" />
        <div className="flex flex-wrap items-start gap-2"><Rollback run={run} /></div>
        <section aria-labelledby="changes-heading" className="space-y-3">
          <div className="flex flex-wrap items-end justify-between gap-3">
            <h2 id="changes-heading" className="text-lg font-semibold">Changes <span className="text-sm font-normal text-muted">({run.changes_total})</span></h2>
            <div>
              <label htmlFor="changes-action" className={labelClasses}>Action</label>
              <select id="changes-action" className={inputClasses} value={input.action ?? ""} onChange={(e) => go({ ...input, action: changeActions.find((a) => a === e.target.value), start: 0 })}>
                <option value="">All actions</option>
                {changeActions.map((a) => <option key={a} value={a}>{actionLabels[a]}</option>)}
              </select>
            </div>
          </div>
          {run.changes.length === 0 ? (
            <EmptyState title="No changes">{input.action ? "No change of this kind in this run." : "Unchanged records are counted as skipped, not listed."}</EmptyState>
          ) : (
            <div aria-busy={query.isPlaceholderData}>
              <ChangeList changes={run.changes} label={`Changes of run ${run.name}`} />
              <OffsetPager start={input.start ?? 0} count={run.changes.length} total={run.changes_total} pageSize={CHANGES_PAGE} onStart={(start) => go({ ...input, start })} />
            </div>
          )}
        </section>
      </div>
    </>
  );
}
