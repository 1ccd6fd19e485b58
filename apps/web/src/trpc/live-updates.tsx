"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "./react";

interface LiveEvent {
  doctype: "Client" | "Task" | "HD Ticket";
  name: string;
  action: "create" | "update" | "delete";
}

function parse(data: string): LiveEvent | null {
  try {
    const value = JSON.parse(data) as Partial<LiveEvent>;
    if ((value.doctype === "Client" || value.doctype === "Task" || value.doctype === "HD Ticket") && typeof value.name === "string") return value as LiveEvent;
  } catch {
    // ignore malformed events
  }
  return null;
}

/**
 * Live updates: one EventSource to /api/events while signed in. The server sends only changes to
 * records this user may read; each one marks the matching queries stale, so open lists and client
 * pages refetch without a reload. EventSource reconnects by itself (the server asks for 3 s).
 */
export function LiveUpdates() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource("/api/events");
    source.addEventListener("change", (message: MessageEvent<string>) => {
      const event = parse(message.data);
      if (!event) return;
      if (event.doctype === "HD Ticket") {
        // The agent list and dashboard, and this ticket's page if it is open.
        void queryClient.invalidateQueries({ queryKey: trpc.helpdeskAgent.tickets.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.helpdeskAgent.dashboard.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.helpdeskAgent.ticket.queryKey({ name: event.name }) });
        return;
      }
      void queryClient.invalidateQueries({ queryKey: trpc.clients.list.queryKey() });
      if (event.doctype === "Client") {
        const input = { name: event.name };
        void queryClient.invalidateQueries({ queryKey: trpc.clients.get.queryKey(input) });
        void queryClient.invalidateQueries({ queryKey: trpc.clients.summary.queryKey(input) });
        void queryClient.invalidateQueries({ queryKey: trpc.clients.tasks.queryKey(input) });
      } else {
        // A task event names the task, not its client: refresh the (few) open task lists and summaries.
        void queryClient.invalidateQueries({ queryKey: trpc.clients.tasks.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.clients.summary.queryKey() });
      }
    });
    return () => source.close();
  }, [trpc, queryClient]);

  return null;
}
