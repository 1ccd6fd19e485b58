"use client";

import { useState, type FormEvent } from "react";
import { Button } from "~/components/ui/button";
import { DialogActions, ModalDialog } from "~/components/ui/modal-dialog";
import { TextField } from "../form-fields";

/** Asks why a deal was lost before it moves to a stage that requires a reason; shows the server's field error. */
export function LostReasonDialog({ deal, stage, error, busy, onSubmit, onClose }: { deal: string; stage: string; error: string | undefined; busy: boolean; onSubmit: (reason: string) => void; onClose: () => void }) {
  const [reason, setReason] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(reason.trim());
  };
  return (
    <ModalDialog title={`Move ${deal} to ${stage}`} description="This stage needs the reason the deal was lost." onClose={onClose}>
      <form onSubmit={submit} noValidate className="flex flex-col gap-4">
        <TextField label="Lost reason" value={reason} onChange={setReason} error={error} multiline maxLength={2000} />
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={busy}>{busy ? "Moving…" : `Move to ${stage}`}</Button>
        </DialogActions>
      </form>
    </ModalDialog>
  );
}
