"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { Button } from "~/components/ui/button";
import { cx } from "~/components/ui/cx";
import { DateTime } from "~/components/ui/date-time";
import { EmptyState } from "~/components/ui/empty-state";
import { ErrorState } from "~/components/ui/error-state";
import { PageHeader } from "~/components/ui/page-header";
import { Skeleton } from "~/components/ui/skeleton";
import { toast } from "~/components/ui/toast";
import { useTRPC } from "~/trpc/react";
import { HelpdeskNav } from "./helpdesk-nav";
import { ticketHref } from "./ticket-href";

const kindLabel: Record<string, string> = { escalation: "Escalation", mention: "Mention", assignment: "Assigned", reply: "Reply" };

/**
 * In-app notifications (escalation levels, @mentions in notes, assignments), newest first. Opening
 * one marks it read; "Mark all read" clears the count.
 */
export function NotificationsView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.helpdeskAgent.notifications.queryOptions());
  const mark = useMutation(
    trpc.helpdeskAgent.markNotificationsRead.mutationOptions({
      onSuccess: async ({ marked }, input) => {
        if (input.all) toast.success(marked ? `${marked} marked read` : "Nothing unread");
        await queryClient.invalidateQueries({ queryKey: trpc.helpdeskAgent.notifications.queryKey() });
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  const unread = list.data?.unread ?? 0;
  return (
    <>
      <PageHeader
        title="Notifications"
        description={list.data ? (unread ? `${unread} unread` : "All read") : undefined}
        actions={<Button disabled={!unread || mark.isPending} onClick={() => mark.mutate({ all: true })}>Mark all read</Button>}
      />
      <HelpdeskNav />
      {list.isPending ? (
        <div className="space-y-2" aria-busy="true" aria-label="Loading notifications">
          {Array.from({ length: 4 }, (_, i) => <Skeleton key={i} className="h-16 w-full rounded-lg" />)}
        </div>
      ) : list.isError ? (
        <ErrorState action={<Button onClick={() => void list.refetch()}>Try again</Button>}>Your notifications could not be loaded.</ErrorState>
      ) : list.data.items.length === 0 ? (
        <EmptyState title="No notifications">Escalations, @mentions and assignments for you show up here.</EmptyState>
      ) : (
        <ul className="space-y-2" aria-label="Notifications">
          {list.data.items.map((n) => (
            <li key={n.name}>
              <Link
                href={ticketHref(n.ticket)}
                onClick={() => (n.read ? undefined : mark.mutate({ names: [n.name] }))}
                className={cx("block rounded-lg border p-3 hover:bg-surface-2 focus-visible:outline-2 focus-visible:outline-accent sm:p-4", n.read ? "border-line bg-surface" : "border-accent bg-accent-soft")}
              >
                <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
                  <span className="font-medium text-fg">
                    {kindLabel[n.kind] ?? n.kind}
                    {n.read ? null : <span className="ml-2 text-xs font-semibold text-accent">Unread</span>}
                  </span>
                  <span className="text-muted">
                    <DateTime value={n.creation} />
                  </span>
                </div>
                <p className="mt-1 text-sm break-words text-fg">{n.subject}</p>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
