"use client";

import type { RouterOutputs } from "@orchestrator/modules";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Button } from "~/components/ui/button";
import { inputClasses } from "~/components/ui/field";
import { ConfirmDialog } from "~/components/ui/modal-dialog";
import { toast } from "~/components/ui/toast";
import { useTRPC } from "~/trpc/react";
import type { TicketRow } from "./tickets-table";
import { statusesOf, type Catalogues } from "./use-catalogues";

type BulkResult = RouterOutputs["helpdeskAgent"]["bulkAssign"];
const UNASSIGN = "__unassign__";
const plural = (n: number) => `${n} ticket${n === 1 ? "" : "s"}`;

/**
 * The bar that appears once tickets are selected: assign them (or unassign) and close them. Each
 * ticket is changed on its own with the `modified` the agent saw; a toast sums up, and every ticket
 * left unchanged keeps its selection and shows why in its row.
 */
export function BulkActions({ selected, rows, catalogues, me, onDone }: {
  selected: ReadonlySet<string>;
  rows: TicketRow[];
  catalogues: Catalogues | undefined;
  me: string | undefined;
  /** Called with the tickets that were not changed and why, by ticket. */
  onDone: (failures: Map<string, string>) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [assignee, setAssignee] = useState("");
  const [confirmClose, setConfirmClose] = useState(false);
  const selectId = useId();
  const items = rows.filter((r) => selected.has(r.name)).map((r) => ({ name: r.name, modified: r.modified }));
  const closed = statusesOf(catalogues, "Closed")[0];

  const report = (verb: string) => async (result: BulkResult) => {
    const failures = new Map(result.results.filter((r) => !r.ok).map((r) => [r.name, r.code === "CONFLICT" ? "changed by someone else since you loaded the list" : (r.message ?? "refused")]));
    if (result.failed === 0) toast.success(`${verb} ${plural(result.succeeded)}`);
    else if (result.succeeded === 0) toast.error(`No tickets ${verb.toLowerCase()}: ${plural(result.failed)} could not be changed`);
    else toast.error(`${verb} ${plural(result.succeeded)}; ${plural(result.failed)} could not be changed`);
    onDone(failures);
    await queryClient.invalidateQueries({ queryKey: trpc.helpdeskAgent.tickets.queryKey() });
  };
  const onError = () => toast.error("The change could not be sent. Check your connection and try again.");
  const assign = useMutation(trpc.helpdeskAgent.bulkAssign.mutationOptions({ onError }));
  const setStatus = useMutation(trpc.helpdeskAgent.bulkSetStatus.mutationOptions({ onError }));
  const busy = assign.isPending || setStatus.isPending;

  const doAssign = () => {
    if (!assignee) return;
    const target = assignee === UNASSIGN ? null : assignee;
    assign.mutate({ tickets: items, assignee: target }, { onSuccess: report(target ? "Assigned" : "Unassigned") });
  };
  const doClose = () => {
    if (!closed) return;
    setStatus.mutate({ tickets: items, status: closed }, { onSuccess: (r) => { setConfirmClose(false); void report("Closed")(r); } });
  };

  return (
    <section aria-label="Bulk actions" className="sticky bottom-16 z-20 mb-3 flex flex-wrap items-center gap-2 rounded-lg border border-accent bg-surface p-3 shadow-lg sm:bottom-2">
      <p className="mr-auto text-sm font-medium" aria-live="polite">{plural(items.length)} selected</p>
      <label htmlFor={selectId} className="sr-only">Assign selected tickets to</label>
      <select id={selectId} className={`${inputClasses} w-auto min-w-40 flex-1 sm:flex-none`} value={assignee} onChange={(e) => setAssignee(e.target.value)}>
        <option value="">Assign to…</option>
        {me ? <option value={me}>Me</option> : null}
        {catalogues?.agents.filter((a) => a.active && a.user !== me).map((a) => <option key={a.user} value={a.user}>{a.name}</option>)}
        <option value={UNASSIGN}>Nobody (unassign)</option>
      </select>
      <Button variant="primary" disabled={!assignee || busy} onClick={doAssign}>{assign.isPending ? "Assigning…" : "Assign"}</Button>
      <Button disabled={!closed || busy} onClick={() => setConfirmClose(true)}>Close tickets</Button>
      {confirmClose ? (
        <ConfirmDialog
          title={`Close ${plural(items.length)}?`}
          description={`They move to the status “${closed ?? "Closed"}”. Tickets changed by someone else since you loaded the list are left as they are.`}
          confirmLabel={setStatus.isPending ? "Closing…" : "Close tickets"}
          busy={setStatus.isPending}
          onConfirm={doClose}
          onClose={() => setConfirmClose(false)}
        />
      ) : null}
    </section>
  );
}
