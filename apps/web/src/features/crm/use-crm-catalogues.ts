"use client";

import type { RouterOutputs } from "@orchestrator/modules";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";

export type CrmCatalogues = RouterOutputs["crm"]["catalogues"];
export type Stage = CrmCatalogues["stages"][number];

/** Stages, lead statuses, sources and teams: configuration that rarely changes (kept five minutes). */
export function useCrmCatalogues() {
  const trpc = useTRPC();
  return useQuery(trpc.crm.catalogues.queryOptions(undefined, { staleTime: 5 * 60_000 }));
}

/** Everyone in the caller's readable teams, for owner selects. */
export function teamMembers(catalogues: CrmCatalogues | undefined): string[] {
  return [...new Set((catalogues?.teams ?? []).flatMap((t) => t.members.map((m) => m.user)))].sort();
}
