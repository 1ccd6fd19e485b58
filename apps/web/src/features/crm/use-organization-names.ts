"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC } from "~/trpc/react";
import { ORGANIZATIONS_INPUT } from "./pipeline/board-input";
import { text } from "./format";

/** Deals link organisations by id (`CRM-ORG-00005`): their names, from the caller's first 100 organisations. */
export function useOrganizationNames(): (name: unknown) => string {
  const trpc = useTRPC();
  const orgs = useQuery(trpc.crm.organizations.list.queryOptions(ORGANIZATIONS_INPUT, { staleTime: 60_000 }));
  return useMemo(() => {
    const names = new Map((orgs.data?.rows ?? []).map((r) => [text(r.name), text(r.organization_name)]));
    return (name: unknown) => names.get(text(name)) || text(name);
  }, [orgs.data]);
}
