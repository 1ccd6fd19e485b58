"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button, buttonClasses } from "~/components/ui/button";
import { DateTime } from "~/components/ui/date-time";
import { ErrorState } from "~/components/ui/error-state";
import { inputClasses, labelClasses } from "~/components/ui/field";
import { PageHeader } from "~/components/ui/page-header";
import { Skeleton } from "~/components/ui/skeleton";
import { toast } from "~/components/ui/toast";
import { trpcErrorCode } from "~/trpc/error-code";
import { useTRPC } from "~/trpc/react";
import { RateTicket } from "./rate-ticket";
import { PortalStatus } from "./ticket-status";
import { fieldErrorsOf } from "./use-field-errors";
import { BackLink } from "~/components/ui/back-link";

function Message({ who, at, children, mine }: { who: string; at: string; children: string; mine: boolean }) {
  return (
    <li className={mine ? "rounded-lg border border-line bg-surface p-4" : "rounded-lg border border-accent/30 bg-accent-soft p-4"}>
      <div className="mb-1 flex flex-wrap justify-between gap-2 text-sm">
        <span className="font-medium text-fg">{who}</span>
        <span className="text-muted">
          <DateTime value={at} />
        </span>
      </div>
      <p className="text-sm whitespace-pre-wrap text-fg">{children}</p>
    </li>
  );
}

/** One request: its thread (the description, then replies), a reply box, and a rating once resolved. */
export function PortalTicketView({ name }: { name: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.portal.get.queryOptions({ name }));
  const me = useQuery(trpc.portal.me.queryOptions());
  const [content, setContent] = useState("");
  const reply = useMutation(
    trpc.portal.reply.mutationOptions({
      onSuccess: async () => {
        setContent("");
        toast.success("Reply sent");
        await queryClient.invalidateQueries({ queryKey: trpc.portal.get.queryKey({ name }) });
        await queryClient.invalidateQueries({ queryKey: trpc.portal.list.queryKey() });
      },
    }),
  );
  const back = (
    <BackLink href="/portal">Your requests</BackLink>
  );
  if (query.isPending) return <>{back}<Skeleton className="h-64 w-full rounded-lg" /></>;
  if (query.isError) {
    return (
      <>
        {back}
        {trpcErrorCode(query.error) === "NOT_FOUND" ? (
          <ErrorState title="Request not found">It does not exist, or it belongs to another organisation.</ErrorState>
        ) : (
          <ErrorState action={<button className={buttonClasses()} onClick={() => void query.refetch()}>Try again</button>}>The request could not be loaded.</ErrorState>
        )}
      </>
    );
  }
  const { ticket, replies, statusCategory } = query.data;
  const done = statusCategory === "Resolved" || statusCategory === "Closed";
  const { fields, message } = fieldErrorsOf(reply.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reply.mutate({ ticket: name, content });
  };
  return (
    <>
      {back}
      <PageHeader title={String(ticket.subject)} description={<span className="flex flex-wrap items-center gap-2">{name} <PortalStatus status={String(ticket.status)} /></span>} />
      <ol className="space-y-3" aria-label="Conversation">
        <Message who={String(ticket.raised_by ?? "You")} at={String(ticket.opening_date ?? ticket.creation)} mine>
          {String(ticket.description ?? "")}
        </Message>
        {replies.map((r) => (
          <Message key={String(r.name)} who={r.commented_by === me.data?.user ? "You" : r.source === "Agent" ? "Support team" : String(r.commented_by)} at={String(r.creation)} mine={r.source !== "Agent"}>
            {String(r.content)}
          </Message>
        ))}
      </ol>
      {done ? <RateTicket name={name} rating={typeof ticket.feedback_rating === "number" ? ticket.feedback_rating : null} /> : null}
      <form onSubmit={submit} noValidate className="mt-6 space-y-2 rounded-lg border border-line bg-surface p-4">
        <label htmlFor="reply" className={labelClasses}>{done ? "Still a problem? Reply to reopen it" : "Reply"}</label>
        <textarea id="reply" rows={4} className={inputClasses} value={content} onChange={(e) => setContent(e.target.value)} aria-invalid={Boolean(fields.content)} aria-describedby={fields.content ? "reply-error" : undefined} />
        {fields.content ? <p id="reply-error" className="text-sm text-danger">{fields.content}</p> : null}
        {message ? <p role="alert" className="text-sm text-danger">{message}</p> : null}
        <div className="flex justify-end">
          <Button type="submit" variant="primary" disabled={reply.isPending}>{reply.isPending ? "Sending…" : "Send reply"}</Button>
        </div>
      </form>
    </>
  );
}
