"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "~/components/ui/button";
import { toast } from "~/components/ui/toast";
import { useTRPC } from "~/trpc/react";
import { toastError } from "../errors";
import { ChangeList } from "./change-list";
import { isActive, runHref, sourceLabel } from "./format";
import { RunCounts } from "./run-counts";
import { useSyncRun } from "./use-sync-run";

type SyncType = "full" | "incremental";
const PREVIEW_CHANGES = 10;

/** The dry run's outcome: progress while it runs, then its counts and first changes. */
function Preview({ run, onApply, onCancel, applying }: { run: string; onApply: () => void; onCancel: () => void; applying: boolean }) {
  const preview = useSyncRun({ run, limit: PREVIEW_CHANGES });
  const data = preview.data;
  if (!data) {
    return preview.isError ? <p role="alert" className="text-sm text-danger">The preview could not be loaded. <button type="button" className="underline" onClick={() => void preview.refetch()}>Try again</button></p> : <p className="text-sm text-muted" role="status">Starting the dry run…</p>;
  }
  if (isActive(data.status)) {
    return <p role="status" className="text-sm text-muted">Dry run {data.name} is {data.status}: {data.pages_done} page(s) read, {data.imported + data.updated} change(s) so far…</p>;
  }
  if (data.status === "failed") {
    return (
      <div role="alert" className="space-y-2 text-sm">
        <p className="text-danger">The dry run failed: {data.error ?? "unknown error"}</p>
        <Button onClick={onCancel}>Close</Button>
      </div>
    );
  }
  return (
    <section aria-label="Dry-run preview" className="space-y-3">
      <p role="status" className="text-sm">
        Preview from dry run <Link className="font-medium text-accent underline-offset-2 hover:underline" href={runHref(data.name)}>{data.name}</Link>: nothing has been changed yet.
      </p>
      <RunCounts run={data} dryRun label="Preview counts" />
      {data.changes.length ? (
        <>
          <ChangeList changes={data.changes} label="First changes" />
          {data.changes_total > data.changes.length ? (
            <p className="text-sm text-muted">Showing {data.changes.length} of {data.changes_total} changes. <Link className="text-accent underline" href={runHref(data.name)}>See them all</Link></p>
          ) : null}
        </>
      ) : (
        <p className="text-sm text-muted">Nothing would change.</p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button variant="primary" disabled={applying} onClick={onApply}>{applying ? "Starting…" : "Apply"}</Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </section>
  );
}

/**
 * "Sync now": choose full or incremental, see what a dry run would do, then Apply starts the real
 * run (same type) and opens its page. Nothing is written until Apply.
 */
export function SyncNow({ source, busy }: { source: string; busy: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [syncType, setSyncType] = useState<SyncType>("incremental");
  const [dryRun, setDryRun] = useState<string | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.sync.pathKey() });

  const preview = useMutation(trpc.sync.start.mutationOptions({ onSuccess: (run) => setDryRun(run.name), onError: toastError, onSettled: refresh }));
  const apply = useMutation(
    trpc.sync.start.mutationOptions({
      onSuccess: (run) => {
        toast.success(`Sync ${run.name} started`);
        router.push(runHref(run.name));
      },
      onError: toastError,
      onSettled: refresh,
    }),
  );
  const close = () => {
    setOpen(false);
    setDryRun(null);
  };
  const label = sourceLabel(source);

  if (!open) return <Button variant="primary" disabled={busy} onClick={() => setOpen(true)}>Sync now</Button>;
  return (
    <div className="w-full space-y-3 rounded-md border border-line p-3">
      {dryRun ? (
        <Preview run={dryRun} applying={apply.isPending} onCancel={close} onApply={() => apply.mutate({ source, syncType, dryRun: false })} />
      ) : (
        <>
          <fieldset>
            <legend className="text-sm font-medium">Sync {label} now</legend>
            <div className="mt-2 flex flex-wrap gap-4 text-sm">
              {(["incremental", "full"] as const).map((type) => (
                <label key={type} htmlFor={`${id}-${type}`} className="inline-flex min-h-11 items-center gap-2 sm:min-h-10">
                  <input id={`${id}-${type}`} type="radio" name={`${id}-type`} value={type} checked={syncType === type} onChange={() => setSyncType(type)} />
                  {type === "full" ? "Full (every record)" : "Incremental (changed since the last sync)"}
                </label>
              ))}
            </div>
          </fieldset>
          <p className="text-sm text-muted">A dry run comes first: you see what would change before anything is written.</p>
          <div className="flex flex-wrap gap-2">
            <Button variant="primary" disabled={preview.isPending} onClick={() => preview.mutate({ source, syncType, dryRun: true })}>{preview.isPending ? "Starting…" : "Preview changes"}</Button>
            <Button onClick={close}>Cancel</Button>
          </div>
        </>
      )}
    </div>
  );
}
