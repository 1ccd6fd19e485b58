"use client";

import type { RouterOutputs } from "@orchestrator/modules";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "~/components/ui/toast";
import { errorDetails } from "~/trpc/error-code";
import { useTRPC } from "~/trpc/react";

type TicketPageData = RouterOutputs["helpdeskAgent"]["ticket"];
export type TicketField = "status" | "priority" | "agent_group" | "assignee";
const labels: Record<TicketField, string> = { status: "Status", priority: "Priority", agent_group: "Team", assignee: "Assignee" };

/**
 * Changes one header field of a ticket: shown at once (optimistic), sent with the `modified` the
 * agent saw. A newer save elsewhere is a CONFLICT: the change is rolled back, the latest version
 * loaded and `conflict` says so, never overwriting the other change. Other refusals roll back with
 * the server's reason in a toast.
 */
export function useTicketChange(name: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const key = trpc.helpdeskAgent.ticket.queryKey({ name });
  const [conflict, setConflict] = useState(false);
  const options = { onError: () => undefined };
  const setStatus = useMutation(trpc.helpdesk.setStatus.mutationOptions(options));
  const setPriority = useMutation(trpc.helpdesk.setPriority.mutationOptions(options));
  const setTeam = useMutation(trpc.helpdesk.setTeam.mutationOptions(options));
  const assign = useMutation(trpc.helpdesk.assign.mutationOptions(options));

  const change = async (field: TicketField, value: string | null) => {
    const before = queryClient.getQueryData<TicketPageData>(key);
    if (!before) return;
    const modified = before.ticket.modified;
    setConflict(false);
    await queryClient.cancelQueries({ queryKey: key });
    queryClient.setQueryData<TicketPageData>(key, { ...before, ticket: { ...before.ticket, [field]: value } });
    try {
      const saved =
        field === "status" ? await setStatus.mutateAsync({ name, status: value ?? "", modified })
        : field === "priority" ? await setPriority.mutateAsync({ name, priority: value ?? "", modified })
        : field === "agent_group" ? await setTeam.mutateAsync({ name, team: value, modified })
        : await assign.mutateAsync({ name, assignee: value, modified });
      // The next change must carry this save's `modified` even before the refetch below lands,
      // or a quick second change (Paused, then Resolved) would conflict with our own first one.
      const current = queryClient.getQueryData<TicketPageData>(key);
      if (current && typeof saved.modified === "string") queryClient.setQueryData<TicketPageData>(key, { ...current, ticket: { ...current.ticket, modified: saved.modified } });
      toast.success(`${labels[field]} ${value ? `set to ${value}` : "cleared"}`);
    } catch (error) {
      queryClient.setQueryData(key, before);
      const { appCode, message, fieldErrors } = errorDetails(error);
      if (appCode === "CONFLICT") setConflict(true);
      else toast.error(`${labels[field]} not changed: ${fieldErrors[0]?.message ?? message}`);
    } finally {
      await Promise.all([queryClient.invalidateQueries({ queryKey: key }), queryClient.invalidateQueries({ queryKey: trpc.helpdeskAgent.tickets.queryKey() })]);
    }
  };

  return { change, conflict, dismissConflict: () => setConflict(false), pending: setStatus.isPending || setPriority.isPending || setTeam.isPending || assign.isPending };
}
