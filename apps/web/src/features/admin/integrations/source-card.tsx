"use client";

import type { RouterOutputs } from "@orchestrator/modules";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { Button } from "~/components/ui/button";
import { DateTime } from "~/components/ui/date-time";
import { toast } from "~/components/ui/toast";
import { useTRPC } from "~/trpc/react";
import { toastError } from "../errors";
import { epochToTimestamp } from "../queues-format";
import { runHref, sourceLabel, sourceStatusText, type SyncSource } from "./format";
import { RunCounts } from "./run-counts";
import { RunStatusBadge } from "./run-status-badge";
import { SyncNow } from "./sync-now";

type Scheduler = RouterOutputs["queues"]["list"][number]["schedulers"][number];
type Health = NonNullable<SyncSource["health"]>;

function LastRun({ run }: { run: NonNullable<SyncSource["last_run"]> }) {
  return (
    <div className="space-y-2">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-muted">Last run</span>
        <Link href={runHref(run.name)} className="font-medium text-accent underline-offset-2 hover:underline">{run.name}</Link>
        <RunStatusBadge status={run.status} dryRun={run.dry_run} />
        <span className="text-muted">{run.sync_type}, <DateTime value={run.finished_at ?? run.started_at ?? run.creation} /></span>
      </p>
      <RunCounts run={run} dryRun={run.dry_run} label={`Last run ${run.name} counts`} />
    </div>
  );
}

function Schedule({ source, schedulers }: { source: SyncSource; schedulers: Scheduler[] | undefined }) {
  const scheduler = schedulers?.find((s) => s.jobName === "sync-schedule" && s.id.startsWith(`${source.name}-`));
  const backingOff = source.next_attempt_at ? (
    <p className="text-warn">
      Backing off after {source.consecutive_failures} failure(s): next attempt after <DateTime value={source.next_attempt_at} />
    </p>
  ) : null;
  if (!schedulers) return backingOff;
  return (
    <>
      <p className="text-muted">
        {scheduler?.everyMs ? (
          <>Scheduled sync every {Math.round(scheduler.everyMs / 60_000)} min{scheduler.nextRunAt ? <>, next <DateTime value={epochToTimestamp(scheduler.nextRunAt)} /></> : null}</>
        ) : (
          "No scheduled sync: runs start from here or the API"
        )}
      </p>
      {backingOff}
    </>
  );
}

function HealthLine({ health }: { health: Health | undefined }) {
  if (!health) return null;
  return (
    <p role="status" className={health.ok ? "text-success" : "text-danger"}>
      {health.ok ? `Connection OK (${health.latencyMs} ms${health.totalRecords !== null ? `, ${health.totalRecords} records` : ""})` : `Connection failed: ${health.message ?? "no answer"}`}
    </p>
  );
}

/** One source: status, health, schedule, last run, and its actions. */
export function SourceCard({ source, schedulers, health, onCheck, checking }: { source: SyncSource; schedulers: Scheduler[] | undefined; health: Health | undefined; onCheck: () => void; checking: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const label = sourceLabel(source.name);
  const headingId = `source-${source.name}`;
  const reset = useMutation(
    trpc.sync.updateSource.mutationOptions({
      onSuccess: () => toast.success(`${label} will be synced again`),
      onError: toastError,
      onSettled: () => void queryClient.invalidateQueries({ queryKey: trpc.sync.sources.queryKey() }),
    }),
  );
  const stopped = source.status !== "ok" || source.next_attempt_at !== null;
  const running = source.running_run;
  return (
    <article aria-labelledby={headingId} className="space-y-3 rounded-lg border border-line bg-surface p-4 sm:p-5">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-lg font-semibold">{label}</h2>
        <span className="text-xs text-muted">{source.kind === "kipu" ? "Polling" : "Signed webhook"} · department {source.department}</span>
      </div>
      <div className="space-y-1 text-sm">
        <p>
          <span className="text-muted">Status: </span>
          <span className={source.status === "ok" && source.enabled ? "font-medium text-success" : "font-medium text-danger"}>{sourceStatusText(source)}</span>
        </p>
        <HealthLine health={health} />
        <Schedule source={source} schedulers={schedulers} />
        {source.disabled_endpoints.length ? <p className="text-warn">Endpoints switched off after a 410: {source.disabled_endpoints.join(", ")}</p> : null}
        {running ? (
          <p>
            In progress: {running.startsWith("SR-") ? <Link href={runHref(running)} className="font-medium text-accent underline">{running}</Link> : running}
          </p>
        ) : null}
      </div>
      {source.last_run ? <LastRun run={source.last_run} /> : <p className="text-sm text-muted">Never synced.</p>}
      <div className="flex flex-wrap items-start gap-2">
        {source.kind === "kipu" ? <SyncNow source={source.name} busy={Boolean(running) || !source.enabled} /> : null}
        <Button disabled={checking} onClick={onCheck}>{checking ? "Checking…" : "Check connection"}</Button>
        {stopped ? <Button disabled={reset.isPending} onClick={() => reset.mutate({ name: source.name, reset_status: true })}>Clear status</Button> : null}
      </div>
    </article>
  );
}
