"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { Button } from "~/components/ui/button";
import { cx } from "~/components/ui/cx";
import { inputClasses } from "~/components/ui/field";
import { toast } from "~/components/ui/toast";
import { ArticleSuggestions, SavedReplyPicker } from "~/features/helpdesk/kb";
import { errorDetails } from "~/trpc/error-code";
import { useTRPC } from "~/trpc/react";

type Kind = "Reply" | "Internal Note";

/** Appends a block to what is typed, on its own paragraph. */
const append = (text: string, block: string) => (text.trim() ? `${text.replace(/\s+$/, "")}\n\n${block}` : block);

/**
 * Reply to the customer or add an internal note. The two modes look different (a note is amber and
 * says it stays internal) and the button names what will happen. What was typed stays on an error.
 * A reply can start from the team's saved replies, and published articles matching the ticket (and
 * the draft) are suggested, with a link to insert.
 */
export function Composer({ ticket, team, context }: { ticket: string; team: string | null; context: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<Kind>("Reply");
  const [text, setText] = useState("");
  const [error, setError] = useState<string>();
  const id = useId();
  const note = kind === "Internal Note";
  const send = useMutation(trpc.helpdesk.addComment.mutationOptions({
    onSuccess: async () => {
      setText("");
      toast.success(note ? "Internal note added" : "Reply sent");
      await Promise.all([queryClient.invalidateQueries({ queryKey: trpc.helpdeskAgent.ticket.queryKey({ name: ticket }) }), queryClient.invalidateQueries({ queryKey: trpc.helpdeskAgent.tickets.queryKey() })]);
    },
    onError: (e) => setError(errorDetails(e).fieldErrors[0]?.message ?? errorDetails(e).message),
  }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return setError(note ? "Write the note first" : "Write the reply first");
    setError(undefined);
    send.mutate({ ticket, type: kind, content: text.trim() });
  };
  return (
    <form onSubmit={submit} aria-label="Add to the conversation" className={cx("rounded-lg border p-3 sm:p-4", note ? "border-dashed border-warn bg-warn-soft" : "border-line bg-surface")}>
      <fieldset className="mb-3 flex gap-2">
        <legend className="sr-only">Kind of message</legend>
        {(["Reply", "Internal Note"] as const).map((k) => (
          <label key={k} className={cx("inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-md border px-3 text-sm font-medium sm:min-h-10", "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent", kind === k ? "border-accent bg-accent-soft text-fg" : "border-line bg-surface text-muted")}>
            <input type="radio" name={`${id}-kind`} className="sr-only" checked={kind === k} onChange={() => setKind(k)} />
            {k === "Reply" ? "Reply" : "Internal note"}
          </label>
        ))}
      </fieldset>
      <label htmlFor={id} className="sr-only">{note ? "Note for agents" : "Reply to the customer"}</label>
      <textarea
        id={id}
        rows={4}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={note ? "Only agents see internal notes" : "Your reply is sent to the customer"}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={cx(inputClasses, "py-2")}
      />
      {error ? <p id={`${id}-error`} className="mt-1 text-sm text-danger">{error}</p> : null}
      {note ? null : (
        <div className="mt-3 flex flex-col gap-3">
          <SavedReplyPicker team={team} onPick={(reply) => setText((t) => append(t, reply.message))} className="self-start" />
          <ArticleSuggestions text={`${context}\n${text}`} onInsertLink={(link) => setText((t) => append(t, link.markdown))} />
        </div>
      )}
      <div className="mt-3 flex items-center justify-between gap-2">
        <p className="text-xs text-muted">{note ? "Internal: not visible to the customer." : "Visible to the customer."}</p>
        <Button type="submit" variant="primary" disabled={send.isPending}>{send.isPending ? "Sending…" : note ? "Add note" : "Send reply"}</Button>
      </div>
    </form>
  );
}
