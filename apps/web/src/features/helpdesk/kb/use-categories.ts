"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC } from "~/trpc/react";

/** The article categories (cached a minute) and a name → label lookup. */
export function useCategories() {
  const trpc = useTRPC();
  const query = useQuery(trpc.kb.categories.queryOptions(undefined, { staleTime: 60_000 }));
  const label = useMemo(() => {
    const names = new Map((query.data ?? []).map((c) => [c.name, c.category_name]));
    return (name: string | null | undefined) => (name ? (names.get(name) ?? name) : "");
  }, [query.data]);
  return { ...query, label };
}
