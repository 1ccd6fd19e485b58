"use client";

import type { RouterOutputs } from "@orchestrator/modules";
import { useQuery } from "@tanstack/react-query";
import { Button } from "~/components/ui/button";
import { DateTime } from "~/components/ui/date-time";
import { ErrorState } from "~/components/ui/error-state";
import { PageHeader } from "~/components/ui/page-header";
import { Skeleton } from "~/components/ui/skeleton";
import { useSearchParams } from "~/lib/navigation";
import { useTRPC } from "~/trpc/react";
import { FailedJobs } from "./failed-jobs";
import { epochToTimestamp, QUEUES_REFRESH_MS } from "./queues-format";

type QueueSummary = RouterOutputs["queues"]["list"][number];
type Counts = QueueSummary["counts"];

const columns: { key: keyof Counts; label: string }[] = [
  { key: "waiting", label: "Waiting" },
  { key: "active", label: "Active" },
  { key: "delayed", label: "Delayed" },
  { key: "failed", label: "Failed" },
  { key: "completed", label: "Completed" },
  { key: "paused", label: "Paused" },
];

function everyLabel(ms: number | null, pattern: string | null): string {
  if (pattern) return `cron ${pattern}`;
  if (!ms) return "";
  const minutes = ms / 60_000;
  return minutes >= 60 && minutes % 60 === 0 ? `every ${minutes / 60} h` : `every ${minutes} min`;
}

function Schedulers({ queue }: { queue: QueueSummary }) {
  if (!queue.schedulers.length) return <span className="text-muted">—</span>;
  return (
    <ul className="space-y-0.5">
      {queue.schedulers.map((s) => (
        <li key={s.id}>
          <span className="font-medium">{s.id}</span> <span className="text-muted">{everyLabel(s.everyMs, s.pattern)}</span>
          {s.nextRunAt ? <span className="block text-xs text-muted">next <DateTime value={epochToTimestamp(s.nextRunAt)} /></span> : null}
        </li>
      ))}
    </ul>
  );
}

/** A count cell's look: failures stand out. */
const countClass = (state: keyof Counts, n: number) => (state === "failed" && n > 0 ? "tabular-nums font-semibold text-danger" : "tabular-nums");

/** Counts per queue: a table from `sm` up, one card per queue on phones. */
function QueueCounts({ queues }: { queues: QueueSummary[] }) {
  return (
    <>
      <div className="hidden overflow-x-auto rounded-lg border border-line bg-surface sm:block">
        <table className="min-w-full text-sm" aria-label="Queues">
          <thead>
            <tr className="border-b border-line text-left">
              <th scope="col" className="px-3 py-2 font-medium">Queue</th>
              {columns.map((c) => <th key={c.key} scope="col" className="px-3 py-2 text-right font-medium">{c.label}</th>)}
              <th scope="col" className="px-3 py-2 font-medium">Schedules</th>
            </tr>
          </thead>
          <tbody>
            {queues.map((q) => (
              <tr key={q.name} className="border-b border-line align-top last:border-0">
                <th scope="row" className="px-3 py-2 text-left font-medium">{q.name}{q.isPaused ? <span className="ml-2 text-xs text-muted">(paused)</span> : null}</th>
                {columns.map((c) => <td key={c.key} className={`px-3 py-2 text-right ${countClass(c.key, q.counts[c.key])}`}>{q.counts[c.key]}</td>)}
                <td className="px-3 py-2"><Schedulers queue={q} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="space-y-2 sm:hidden" aria-label="Queues">
        {queues.map((q) => (
          <li key={q.name} aria-label={`Queue ${q.name}`} className="rounded-lg border border-line bg-surface p-3 text-sm">
            <p className="font-medium">{q.name}{q.isPaused ? <span className="ml-2 text-xs text-muted">(paused)</span> : null}</p>
            <dl className="mt-2 grid grid-cols-3 gap-x-3 gap-y-1">
              {columns.map((c) => (
                <div key={c.key}>
                  <dt className="text-xs text-muted">{c.label}</dt>
                  <dd className={countClass(c.key, q.counts[c.key])}>{q.counts[c.key]}</dd>
                </div>
              ))}
            </dl>
            {q.schedulers.length ? <div className="mt-2"><Schedulers queue={q} /></div> : null}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Queues: depth per state and schedules (refreshed every few seconds), then a queue's failed jobs. */
export function QueuesView() {
  const trpc = useTRPC();
  const list = useQuery({ ...trpc.queues.list.queryOptions(), refetchInterval: QUEUES_REFRESH_MS });
  const requested = useSearchParams().get("queue");
  const queues = list.data ?? [];
  // The queue in the URL, else the first with failures, else the first queue.
  const selected = queues.find((q) => q.name === requested)?.name ?? queues.find((q) => q.counts.failed > 0)?.name ?? queues[0]?.name;

  return (
    <>
      <PageHeader
        title="Queues"
        description={`Background jobs by state; refreshed every ${QUEUES_REFRESH_MS / 1000} seconds.`}
        actions={<Button onClick={() => void list.refetch()} disabled={list.isFetching}>Refresh</Button>}
      />
      {list.isPending ? (
        <div aria-busy="true" aria-label="Loading queues" className="space-y-2">{Array.from({ length: 4 }, (_, i) => <Skeleton key={i} className="h-12 w-full" />)}</div>
      ) : list.isError ? (
        <ErrorState action={<Button onClick={() => void list.refetch()}>Try again</Button>} />
      ) : (
        <>
          <QueueCounts queues={queues} />
          {selected ? <FailedJobs queues={queues} selected={selected} /> : null}
        </>
      )}
    </>
  );
}
