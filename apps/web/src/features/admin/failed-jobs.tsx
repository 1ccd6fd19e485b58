"use client";

import type { RouterOutputs } from "@orchestrator/modules";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { DateTime } from "~/components/ui/date-time";
import { EmptyState } from "~/components/ui/empty-state";
import { ErrorState } from "~/components/ui/error-state";
import { inputClasses, labelClasses } from "~/components/ui/field";
import { OffsetPager } from "~/components/ui/offset-pager";
import { Skeleton } from "~/components/ui/skeleton";
import { toast } from "~/components/ui/toast";
import { usePathname } from "~/lib/navigation";
import { useTRPC } from "~/trpc/react";
import { ConfirmDialog } from "~/components/ui/modal-dialog";
import { toastError } from "./errors";
import { epochToTimestamp, QUEUES_REFRESH_MS } from "./queues-format";

type QueueSummary = RouterOutputs["queues"]["list"][number];
type QueueName = QueueSummary["name"];
type FailedJob = RouterOutputs["queues"]["failed"]["rows"][number];
const PAGE = 25;

interface JobActions {
  retry: (job: FailedJob) => void;
  discard: (job: FailedJob) => void;
  busy: boolean;
}

function ActionButtons({ job, actions }: { job: FailedJob; actions: JobActions }) {
  return (
    <div className="flex gap-2">
      <Button aria-label={`Retry job ${job.id}`} disabled={actions.busy} onClick={() => actions.retry(job)}>Retry</Button>
      <Button aria-label={`Discard job ${job.id}`} disabled={actions.busy} onClick={() => actions.discard(job)}>Discard</Button>
    </div>
  );
}

/** Failed jobs: a table from `sm` up, cards on phones. The error is the job's failure reason (ids only). */
function FailedJobsList({ rows, actions }: { rows: FailedJob[]; actions: JobActions }) {
  return (
    <>
      <div className="hidden overflow-x-auto rounded-lg border border-line bg-surface sm:block">
        <table className="min-w-full text-sm" aria-label="Failed jobs">
          <thead>
            <tr className="border-b border-line text-left">
              <th scope="col" className="px-3 py-2 font-medium">Job</th>
              <th scope="col" className="px-3 py-2 font-medium">Error</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Attempts</th>
              <th scope="col" className="px-3 py-2 font-medium">Failed</th>
              <th scope="col" className="px-3 py-2 font-medium"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((job) => (
              <tr key={job.id} className="border-b border-line align-top last:border-0">
                <td className="px-3 py-2"><span className="block font-medium">{job.name}</span><span className="block text-xs break-all text-muted">{job.id}</span></td>
                <td className="max-w-md px-3 py-2 break-words text-danger">{job.failedReason || "—"}</td>
                <td className="px-3 py-2 text-right tabular-nums">{job.attemptsMade}</td>
                <td className="px-3 py-2 whitespace-nowrap text-muted"><DateTime value={epochToTimestamp(job.failedAt)} /></td>
                <td className="px-3 py-2"><ActionButtons job={job} actions={actions} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="space-y-2 sm:hidden" aria-label="Failed jobs">
        {rows.map((job) => (
          <li key={job.id} className="rounded-lg border border-line bg-surface p-3 text-sm">
            <p className="font-medium">{job.name}</p>
            <p className="break-all text-xs text-muted">{job.id}</p>
            <p className="mt-2 break-words text-danger">{job.failedReason || "—"}</p>
            <p className="mt-1 text-muted">Attempts: <span className="tabular-nums">{job.attemptsMade}</span> · <DateTime value={epochToTimestamp(job.failedAt)} /></p>
            <div className="mt-2"><ActionButtons job={job} actions={actions} /></div>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The selected queue's failed jobs with Retry, Discard (confirmed first) and Retry all. */
export function FailedJobs({ queues, selected }: { queues: QueueSummary[]; selected: QueueName }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pathname = usePathname();
  const [start, setStart] = useState(0);
  const [discarding, setDiscarding] = useState<FailedJob | null>(null);
  const failed = useQuery({ ...trpc.queues.failed.queryOptions({ queue: selected, start, limit: PAGE }), placeholderData: keepPreviousData, refetchInterval: QUEUES_REFRESH_MS });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.queues.pathKey() });
  const onSettled = () => void refresh();

  const retry = useMutation(trpc.queues.retry.mutationOptions({ onSuccess: (r) => toast.success(`Job ${r.jobId} queued for another attempt`), onError: toastError, onSettled }));
  const discard = useMutation(trpc.queues.discard.mutationOptions({ onSuccess: (r) => toast.success(`Job ${r.jobId} discarded`), onError: toastError, onSettled: () => { setDiscarding(null); onSettled(); } }));
  const retryAll = useMutation(trpc.queues.retryAll.mutationOptions({ onSuccess: (r) => toast.success(r.retried ? `${r.retried} job(s) queued for another attempt` : "No failed jobs to retry"), onError: toastError, onSettled }));
  const busy = retry.isPending || discard.isPending || retryAll.isPending;
  const actions: JobActions = { retry: (job) => retry.mutate({ queue: selected, jobId: job.id }), discard: setDiscarding, busy };

  const choose = (queue: string) => {
    setStart(0);
    window.history.replaceState(null, "", `${pathname}?queue=${encodeURIComponent(queue)}`);
  };

  return (
    <section aria-labelledby="failed-jobs-heading" className="mt-6">
      <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="failed-jobs-heading" className="text-lg font-semibold">Failed jobs</h2>
          <label htmlFor="failed-queue" className={labelClasses}>Queue</label>
          <select id="failed-queue" className={inputClasses} value={selected} onChange={(e) => choose(e.target.value)}>
            {queues.map((q) => <option key={q.name} value={q.name}>{q.name} ({q.counts.failed} failed)</option>)}
          </select>
        </div>
        <Button disabled={busy || !failed.data?.total} onClick={() => retryAll.mutate({ queue: selected })}>Retry all</Button>
      </div>
      {failed.isPending ? (
        <div aria-busy="true" aria-label="Loading failed jobs" className="space-y-2">{Array.from({ length: 3 }, (_, i) => <Skeleton key={i} className="h-14 w-full" />)}</div>
      ) : failed.isError ? (
        <ErrorState action={<Button onClick={() => void failed.refetch()}>Try again</Button>} />
      ) : failed.data.rows.length === 0 ? (
        <EmptyState title="No failed jobs">Jobs of {selected} that fail for good show up here, with their error.</EmptyState>
      ) : (
        <>
          <FailedJobsList rows={failed.data.rows} actions={actions} />
          <OffsetPager start={start} count={failed.data.rows.length} total={failed.data.total} pageSize={PAGE} onStart={setStart} />
        </>
      )}
      {discarding ? (
        <ConfirmDialog
          title={`Discard job ${discarding.id}?`}
          description={`The failed ${discarding.name} job is removed from ${selected} for good and will not run again.`}
          confirmLabel={discard.isPending ? "Discarding…" : "Discard job"}
          busy={discard.isPending}
          onConfirm={() => discard.mutate({ queue: selected, jobId: discarding.id })}
          onClose={() => setDiscarding(null)}
        />
      ) : null}
    </section>
  );
}
