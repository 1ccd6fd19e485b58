"use client";

import type { RouterOutputs } from "@orchestrator/modules";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC } from "~/trpc/react";

export type Catalogues = RouterOutputs["helpdeskAgent"]["catalogues"];

/** Statuses, priorities, teams, agents and ticket types (cached 5 minutes), with an agent's display name. */
export function useCatalogues() {
  const trpc = useTRPC();
  const query = useQuery(trpc.helpdeskAgent.catalogues.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const agentName = useMemo(() => {
    const names = new Map((query.data?.agents ?? []).map((a) => [a.user, a.name]));
    return (user: string | null | undefined) => (user ? (names.get(user) ?? user) : "");
  }, [query.data]);
  return { ...query, agentName };
}

/** Statuses of a category, in display order ("Closed" for bulk close, "Resolved" for the resolve button). */
export function statusesOf(catalogues: Catalogues | undefined, category: Catalogues["statuses"][number]["category"]): string[] {
  return (catalogues?.statuses ?? []).filter((s) => s.category === category).map((s) => s.name);
}
