"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState, type FormEvent } from "react";
import { Button } from "~/components/ui/button";
import { inputClasses, labelClasses } from "~/components/ui/field";
import { DialogActions, ModalDialog } from "~/components/ui/modal-dialog";
import { toast } from "~/components/ui/toast";
import { errorDetails } from "~/trpc/error-code";
import { useTRPC } from "~/trpc/react";
import { ticketHref } from "./ticket-href";

/**
 * "Merge into another ticket": this one is closed as a duplicate of the one named (same customer
 * only; the server says why otherwise). A merged ticket links to where it went instead.
 */
export function MergeTicket({ ticket, mergedInto }: { ticket: string; mergedInto: string | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState("");
  const id = useId();
  const merge = useMutation(
    trpc.helpdesk.merge.mutationOptions({
      onSuccess: async () => {
        toast.success(`${ticket} merged into ${target.trim()}`);
        setOpen(false);
        await Promise.all([queryClient.invalidateQueries({ queryKey: trpc.helpdeskAgent.ticket.queryKey() }), queryClient.invalidateQueries({ queryKey: trpc.helpdeskAgent.tickets.queryKey() })]);
      },
    }),
  );
  if (mergedInto) {
    return (
      <p className="rounded-lg border border-line bg-surface p-3 text-sm text-muted">
        Merged into <Link href={ticketHref(mergedInto)} className="font-medium text-accent underline-offset-2 hover:underline">{mergedInto}</Link>
      </p>
    );
  }
  const details = merge.error ? errorDetails(merge.error) : null;
  const problem = details ? (details.fieldErrors[0]?.message ?? details.message) : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    merge.mutate({ source: ticket, target: target.trim() });
  };
  return (
    <>
      <Button className="self-start" onClick={() => setOpen(true)}>Merge into another ticket…</Button>
      {open ? (
        <ModalDialog title={`Merge ${ticket}`} description="This ticket is closed as a duplicate; the other one gets a note quoting it, and e-mail replies go there from now on." onClose={() => setOpen(false)}>
          <form onSubmit={submit} noValidate className="flex flex-col gap-4">
            <div>
              <label htmlFor={id} className={labelClasses}>Merge into ticket</label>
              <input id={id} className={inputClasses} value={target} onChange={(e) => setTarget(e.target.value)} placeholder="HD-TKT-00042" aria-invalid={problem ? true : undefined} aria-describedby={problem ? `${id}-error` : undefined} />
              {problem ? <p id={`${id}-error`} className="mt-1 text-sm text-danger">{problem}</p> : null}
            </div>
            <DialogActions>
              <Button onClick={() => setOpen(false)}>Cancel</Button>
              <Button type="submit" variant="primary" disabled={!target.trim() || merge.isPending}>{merge.isPending ? "Merging…" : "Merge"}</Button>
            </DialogActions>
          </form>
        </ModalDialog>
      ) : null}
    </>
  );
}
