"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";

/** After a composer writes: the CRM's queries (timeline, the record, lists, my day) are read again. */
export function useActivityRefresh(): () => void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: trpc.crm.pathKey() });
}
