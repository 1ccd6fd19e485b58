"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";

/** Who is signed in and their grants (`core.me`), cached for the tab's lifetime. */
export function useMe() {
  const trpc = useTRPC();
  return useQuery(trpc.core.me.queryOptions(undefined, { staleTime: 5 * 60_000 }));
}

export type Me = NonNullable<ReturnType<typeof useMe>["data"]>;

export function can(me: Me | undefined, category: string, access: "read" | "write"): boolean {
  return Boolean(me?.grants[category]?.[access]);
}
