"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Button } from "~/components/ui/button";
import { DateTime } from "~/components/ui/date-time";
import { EmptyState } from "~/components/ui/empty-state";
import { ErrorState } from "~/components/ui/error-state";
import { inputClasses, labelClasses } from "~/components/ui/field";
import { OffsetPager } from "~/components/ui/offset-pager";
import { PageHeader } from "~/components/ui/page-header";
import { Skeleton } from "~/components/ui/skeleton";
import { usePathname, useSearchParams } from "~/lib/navigation";
import { useTRPC } from "~/trpc/react";
import { duration, isActive, RUN_REFRESH_MS, runHref, runStatusLabel, sourceLabel, type SyncRun } from "./format";
import { RunStatusBadge } from "./run-status-badge";
import { RUNS_PAGE, runsInput, runsQuery, runStatuses } from "./runs-params";

function countsText(run: SyncRun): string {
  return `${run.imported} new · ${run.updated} updated · ${run.conflicts} conflicts · ${run.duplicates} duplicates · ${run.errors} errors`;
}

function RunLink({ run }: { run: SyncRun }) {
  return <Link href={runHref(run.name)} className="font-medium text-accent underline-offset-2 hover:underline">{run.name}</Link>;
}

/** Runs: a table from `sm` up, one card per run on phones. */
function RunsList({ rows }: { rows: SyncRun[] }) {
  return (
    <>
      <div className="hidden overflow-x-auto rounded-lg border border-line bg-surface sm:block">
        <table className="min-w-full text-sm" aria-label="Sync runs">
          <thead>
            <tr className="border-b border-line text-left">
              {["Run", "Status", "Type", "Trigger", "By", "Started", "Duration", "Counts"].map((h) => <th key={h} scope="col" className="px-3 py-2 font-medium">{h}</th>)}
            </tr>
          </thead>
          <tbody>
            {rows.map((run) => (
              <tr key={run.name} className="border-b border-line align-top last:border-0">
                <td className="px-3 py-2 whitespace-nowrap"><RunLink run={run} /><span className="block text-xs text-muted">{sourceLabel(run.source)}</span></td>
                <td className="px-3 py-2"><RunStatusBadge status={run.status} dryRun={run.dry_run} /></td>
                <td className="px-3 py-2">{run.sync_type}</td>
                <td className="px-3 py-2">{run.trigger}</td>
                <td className="px-3 py-2 break-all">{run.actor}</td>
                <td className="px-3 py-2 whitespace-nowrap text-muted"><DateTime value={run.started_at ?? run.creation} /></td>
                <td className="px-3 py-2 whitespace-nowrap tabular-nums">{duration(run.started_at, run.finished_at) || "—"}</td>
                <td className="px-3 py-2 text-muted">{countsText(run)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="space-y-2 sm:hidden" aria-label="Sync runs">
        {rows.map((run) => (
          <li key={run.name} className="space-y-1 rounded-lg border border-line bg-surface p-3 text-sm">
            <div className="flex flex-wrap items-center justify-between gap-2"><RunLink run={run} /><RunStatusBadge status={run.status} dryRun={run.dry_run} /></div>
            <p className="text-muted">{sourceLabel(run.source)} · {run.sync_type} · {run.trigger} · {run.actor}</p>
            <p className="text-muted"><DateTime value={run.started_at ?? run.creation} />{duration(run.started_at, run.finished_at) ? ` · ${duration(run.started_at, run.finished_at)}` : ""}</p>
            <p>{countsText(run)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Every sync run, newest first, paged on the server, filtered by status; the state is in the URL. */
export function RunsView() {
  const trpc = useTRPC();
  const pathname = usePathname();
  const input = runsInput(useSearchParams());
  const runs = useQuery({
    ...trpc.sync.runs.queryOptions(input),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.rows.some((r) => isActive(r.status)) ? RUN_REFRESH_MS : false),
  });
  const go = (next: typeof input) => window.history.pushState(null, "", `${pathname}${runsQuery(next)}`);

  return (
    <>
      <PageHeader title="Sync runs" description="Every sync, dry or real, with what it did." />
      <div className="mb-3 max-w-xs">
        <label htmlFor="runs-status" className={labelClasses}>Status</label>
        <select id="runs-status" className={inputClasses} value={input.status ?? ""} onChange={(e) => go({ ...input, status: runStatuses.find((s) => s === e.target.value), start: 0 })}>
          <option value="">All statuses</option>
          {runStatuses.map((s) => <option key={s} value={s}>{runStatusLabel(s)}</option>)}
        </select>
      </div>
      {runs.isPending ? (
        <div aria-busy="true" aria-label="Loading runs" className="space-y-2">{Array.from({ length: 4 }, (_, i) => <Skeleton key={i} className="h-12 w-full" />)}</div>
      ) : runs.isError ? (
        <ErrorState action={<Button onClick={() => void runs.refetch()}>Try again</Button>} />
      ) : runs.data.rows.length === 0 ? (
        <EmptyState title="No runs">{input.status ? "No run has this status." : "Syncs appear here once one has started."}</EmptyState>
      ) : (
        <div aria-busy={runs.isPlaceholderData}>
          <RunsList rows={runs.data.rows} />
          <OffsetPager start={input.start ?? 0} count={runs.data.rows.length} total={runs.data.total} pageSize={RUNS_PAGE} onStart={(start) => go({ ...input, start })} />
        </div>
      )}
    </>
  );
}
