"use client";

import type { RouterOutputs } from "@orchestrator/modules";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { toast } from "~/components/ui/toast";
import { useTRPC } from "~/trpc/react";
import { ConfirmDialog } from "~/components/ui/modal-dialog";
import { toastError } from "../errors";
import type { SyncRunDetail } from "./format";

type Report = RouterOutputs["sync"]["rollback"];

const rollbackable = (run: SyncRunDetail) => !run.dry_run && (run.status === "completed" || run.status === "failed" || run.status === "partially_rolled_back");

function RollbackReport({ report }: { report: Report }) {
  return (
    <section aria-label="Rollback report" className="rounded-lg border border-line bg-surface p-4 text-sm">
      <h2 className="font-semibold">Rollback report</h2>
      <p className="mt-1">Restored {report.restored}, kept {report.kept.length}.</p>
      {report.kept.length ? (
        <ul className="mt-2 list-disc space-y-1 pl-5 text-muted">
          {report.kept.map((k, i) => (
            <li key={`${k.client ?? k.external_id ?? ""}-${i}`}>
              {k.client ?? k.external_id}: {k.reason}{k.fields.length ? ` (${k.fields.join(", ")})` : ""}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/**
 * "Roll back" for a finished real run, confirmed first: created clients go, changed fields get their
 * before-images back unless changed since (kept, and reported).
 */
export function Rollback({ run }: { run: SyncRunDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [report, setReport] = useState<Report | null>(null);
  const rollback = useMutation(
    trpc.sync.rollback.mutationOptions({
      onSuccess: (r) => {
        setReport(r);
        toast.success(`Run ${r.name} rolled back: restored ${r.restored}, kept ${r.kept.length}`);
      },
      onError: toastError,
      onSettled: () => {
        setConfirming(false);
        void queryClient.invalidateQueries({ queryKey: trpc.sync.pathKey() });
      },
    }),
  );
  return (
    <>
      {rollbackable(run) ? (
        <Button disabled={rollback.isPending} onClick={() => setConfirming(true)}>{run.status === "partially_rolled_back" ? "Roll back the rest" : "Roll back"}</Button>
      ) : null}
      {report ? <div className="basis-full"><RollbackReport report={report} /></div> : null}
      {confirming ? (
        <ConfirmDialog
          title={`Roll back run ${run.name}?`}
          description="Clients this run created are removed and the fields it changed get their previous values back. Anything changed since the run is kept and reported."
          confirmLabel={rollback.isPending ? "Rolling back…" : "Roll back"}
          busy={rollback.isPending}
          onConfirm={() => rollback.mutate({ run: run.name })}
          onClose={() => setConfirming(false)}
        />
      ) : null}
    </>
  );
}
