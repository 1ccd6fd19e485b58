"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";

/** The settings overview (counts, default SLA, whether the caller may change settings), cached a minute. */
export function useSettingsOverview() {
  const trpc = useTRPC();
  return useQuery(trpc.helpdeskSettings.overview.queryOptions(undefined, { staleTime: 60_000 }));
}

/** Choices for the editors' selects: users, agents, teams, catalogues. */
export function useSettingsOptions() {
  const trpc = useTRPC();
  return useQuery(trpc.helpdeskSettings.options.queryOptions(undefined, { staleTime: 30_000 }));
}
