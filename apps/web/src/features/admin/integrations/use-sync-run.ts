"use client";

import type { RouterInputs } from "@orchestrator/modules";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { isActive, RUN_REFRESH_MS } from "./format";

/** A run with a page of its changes; asks again every 2 s while the run is queued or running. */
export function useSyncRun(input: RouterInputs["sync"]["run"]) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.sync.run.queryOptions(input),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data && isActive(query.state.data.status) ? RUN_REFRESH_MS : false),
  });
}
