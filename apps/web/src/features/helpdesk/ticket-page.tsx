"use client";

import { useQuery } from "@tanstack/react-query";
import { Button } from "~/components/ui/button";
import { ErrorState } from "~/components/ui/error-state";
import { Skeleton } from "~/components/ui/skeleton";
import { trpcErrorCode } from "~/trpc/error-code";
import { useTRPC } from "~/trpc/react";
import { Composer } from "./composer";
import { MergeTicket } from "./merge-ticket";
import { SlaPanel } from "./sla-panel";
import { TicketControls } from "./ticket-controls";
import { TicketNotFound } from "./ticket-not-found";
import { ActivityLog, TicketThread } from "./ticket-thread";
import { useCatalogues } from "./use-catalogues";
import { useTicketChange } from "./use-ticket-change";
import { BackLink } from "~/components/ui/back-link";

/**
 * One ticket: header, properties (status, priority, team, assignee — each saved at once with a
 * conflict check), SLA, the conversation with the Reply / Internal note composer, and the activity
 * log. Two columns from `lg`; on phones one column with the properties first.
 */
export function TicketPage({ name }: { name: string }) {
  const trpc = useTRPC();
  const catalogues = useCatalogues();
  const query = useQuery(trpc.helpdeskAgent.ticket.queryOptions({ name }));
  const { change, conflict, dismissConflict, pending } = useTicketChange(name);

  if (query.isPending) return <Skeleton className="h-64 w-full rounded-lg" />;
  if (query.error) {
    if (trpcErrorCode(query.error) === "NOT_FOUND") return <TicketNotFound />;
    return <ErrorState title="This ticket could not be loaded" action={<Button variant="primary" onClick={() => void query.refetch()}>Try again</Button>} />;
  }
  const { ticket, comments, activities } = query.data;
  return (
    <>
      <BackLink href="/helpdesk">Tickets</BackLink>
      <header className="mb-4 sm:mb-6">
        <h1 className="text-xl font-semibold tracking-tight break-words sm:text-2xl">{ticket.subject}</h1>
        <p className="mt-1 text-sm text-muted">
          <span className="font-mono">{ticket.name}</span>
          <span aria-hidden="true"> · </span>
          <span className="sr-only">, status </span>
          {ticket.status}
          {ticket.customer ? <><span aria-hidden="true"> · </span>{ticket.customer}</> : null}
          {ticket.raised_by ? <><span aria-hidden="true"> · </span>{ticket.raised_by}</> : null}
        </p>
      </header>
      {conflict ? (
        <div role="alert" className="mb-4 flex flex-wrap items-center justify-between gap-2 rounded-md bg-danger-soft px-3 py-2 text-sm text-danger">
          <span>Someone else changed this ticket after you opened it. The latest version is shown now: check it and apply your change again.</span>
          <button type="button" className="font-medium underline" onClick={dismissConflict}>Dismiss</button>
        </div>
      ) : null}
      {/* Phones: properties and SLA, conversation, activity. From `lg`: the conversation on the left, the rest beside it. */}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem] lg:grid-rows-[auto_1fr]">
        <aside aria-label="Ticket details" className="flex flex-col gap-4 lg:col-start-2 lg:row-start-1">
          <TicketControls ticket={ticket} catalogues={catalogues.data} disabled={pending} onChange={(f, v) => void change(f, v)} agentName={catalogues.agentName} />
          <SlaPanel ticket={ticket} />
          <MergeTicket ticket={ticket.name} mergedInto={ticket.merged_into ?? null} />
        </aside>
        <div className="flex min-w-0 flex-col gap-4 lg:col-start-1 lg:row-span-2 lg:row-start-1">
          <TicketThread description={ticket.description} raisedBy={ticket.raised_by} opened={ticket.opening_date ?? ticket.creation} comments={comments} agentName={catalogues.agentName} />
          <Composer ticket={ticket.name} team={ticket.agent_group ?? null} context={`${ticket.subject}\n${ticket.description ?? ""}`} />
        </div>
        <div className="lg:col-start-2 lg:row-start-2">
          <ActivityLog activities={activities} />
        </div>
      </div>
    </>
  );
}
