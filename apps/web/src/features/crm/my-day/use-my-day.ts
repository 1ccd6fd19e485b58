"use client";

import { useMutation, useQuery, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useState } from "react";
import { useMe } from "~/lib/use-me";
import { toast } from "~/components/ui/toast";
import { errorDetails, trpcErrorCode } from "~/trpc/error-code";
import { useTRPC } from "~/trpc/react";
import { text } from "../format";
import { endOfLocalDay, undatedInput, upcomingInput, withoutTask, type Task } from "./my-day-model";

/**
 * The caller's follow-ups in the browser's time zone: `crm.myDay` (overdue, today, unread reminders),
 * and the open tasks due later or undated; "Mark done" takes a task off at once and puts it back if
 * the server refuses (a newer change elsewhere is a conflict, never overwritten).
 */
export function useMyDay() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe().data?.user;
  const [timeZone] = useState(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [endOfToday] = useState(() => endOfLocalDay(new Date()));
  const day = useQuery(trpc.crm.myDay.queryOptions({ timeZone }));
  const upcoming = useQuery({ ...trpc.crm.tasks.list.queryOptions(upcomingInput(me ?? "", endOfToday)), enabled: Boolean(me) });
  const undated = useQuery({ ...trpc.crm.tasks.list.queryOptions(undatedInput(me ?? "")), enabled: Boolean(me) });
  const lists = [trpc.crm.myDay.queryKey(), trpc.crm.tasks.list.queryKey()];

  const markDone = useMutation(trpc.crm.tasks.update.mutationOptions({
    onMutate: async ({ name }) => {
      await Promise.all(lists.map((queryKey) => queryClient.cancelQueries({ queryKey })));
      const saved: [QueryKey, unknown][] = lists.flatMap((queryKey) => queryClient.getQueriesData({ queryKey }));
      for (const queryKey of lists) queryClient.setQueriesData({ queryKey }, (data: unknown) => withoutTask(data, name));
      return { saved };
    },
    onSuccess: (doc) => toast.success(`“${text(doc.title)}” done`),
    onError: (error, _input, context) => {
      for (const [key, data] of context?.saved ?? []) queryClient.setQueryData(key, data);
      const conflict = trpcErrorCode(error) === "CONFLICT";
      toast.error(conflict ? "This task was changed elsewhere: its latest version is shown now" : "The task was not marked done", conflict ? undefined : { description: errorDetails(error).fieldErrors[0]?.message ?? errorDetails(error).message });
    },
    onSettled: () => void Promise.all(lists.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  }));

  const markRead = useMutation(trpc.crm.markNotificationsRead.mutationOptions({
    onSettled: () => void queryClient.invalidateQueries({ queryKey: trpc.crm.myDay.queryKey() }),
  }));

  return {
    day,
    upcoming,
    undated,
    done: (task: Task) => markDone.mutate({ name: text(task.name), values: { status: "Done" }, modified: text(task.modified) }),
    pendingTask: markDone.isPending ? markDone.variables.name : undefined,
    markRead: (names: string[]) => markRead.mutate({ names }),
    markingRead: markRead.isPending,
  };
}
