"use client";

import type { RouterOutputs } from "@orchestrator/modules";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "~/components/ui/button";
import { inputClasses, labelClasses } from "~/components/ui/field";
import { DialogActions, ModalDialog } from "~/components/ui/modal-dialog";
import { toast } from "~/components/ui/toast";
import { fieldErrorsOf } from "~/features/portal/use-field-errors";
import { useTRPC } from "~/trpc/react";

export type SavedReply = RouterOutputs["kb"]["replies"][number];

/** Add or edit a saved reply: title, message, and the teams it is for (none ticked = every team). */
export function ReplyDialog({ reply, teams, onClose }: { reply?: SavedReply; teams: string[]; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(reply?.title ?? "");
  const [message, setMessage] = useState(reply?.message ?? "");
  const [chosen, setChosen] = useState<string[]>(reply?.teams ?? []);
  const done = async (text: string) => {
    toast.success(text);
    await queryClient.invalidateQueries({ queryKey: trpc.kb.replies.queryKey() });
    onClose();
  };
  const create = useMutation(trpc.kb.createReply.mutationOptions({ onSuccess: () => done("Saved reply added") }));
  const update = useMutation(trpc.kb.updateReply.mutationOptions({ onSuccess: () => done("Saved reply updated") }));
  const { fields, message: formError } = fieldErrorsOf(create.error ?? update.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reply) update.mutate({ name: reply.name, modified: reply.modified, title, message, teams: chosen });
    else create.mutate({ title, message, teams: chosen });
  };
  const toggle = (team: string) => setChosen((c) => (c.includes(team) ? c.filter((t) => t !== team) : [...c, team]));
  const error = (field: string) => (fields[field] ? <p id={`reply-${field}-error`} className="mt-1 text-sm text-danger">{fields[field]}</p> : null);
  const invalid = (field: string) => ({ "aria-invalid": Boolean(fields[field]), "aria-describedby": fields[field] ? `reply-${field}-error` : undefined });
  return (
    <ModalDialog title={reply ? `Edit “${reply.title}”` : "New saved reply"} onClose={onClose}>
      <form onSubmit={submit} noValidate className="flex flex-col gap-3">
        {formError ? <p role="alert" className="rounded-md bg-danger-soft px-3 py-2 text-sm text-danger">{formError}</p> : null}
        <div>
          <label htmlFor="reply-title" className={labelClasses}>Title</label>
          <input id="reply-title" className={inputClasses} value={title} maxLength={140} required onChange={(e) => setTitle(e.target.value)} {...invalid("title")} />
          {error("title")}
        </div>
        <div>
          <label htmlFor="reply-message" className={labelClasses}>Message</label>
          <textarea id="reply-message" className={`${inputClasses} min-h-40 py-2 sm:min-h-40`} value={message} required onChange={(e) => setMessage(e.target.value)} {...invalid("message")} />
          {error("message")}
        </div>
        <fieldset {...invalid("teams")}>
          <legend className={labelClasses}>Teams</legend>
          <p className="mb-2 text-xs text-muted">None ticked: every team can use it.</p>
          {teams.length === 0 ? <p className="text-sm text-muted">No teams yet.</p> : null}
          <div className="flex flex-wrap gap-2">
            {teams.map((team) => (
              <label key={team} className="inline-flex min-h-11 items-center gap-2 rounded-md border border-line px-3 text-sm sm:min-h-10">
                <input type="checkbox" className="size-4" checked={chosen.includes(team)} onChange={() => toggle(team)} />
                {team}
              </label>
            ))}
          </div>
          {error("teams")}
        </fieldset>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={create.isPending || update.isPending}>{reply ? "Save" : "Add saved reply"}</Button>
        </DialogActions>
      </form>
    </ModalDialog>
  );
}
