"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTRPC } from "~/trpc/react";

/** Scoped option lists rarely change: keep them for five minutes. */
const OPTIONS_STALE_MS = 5 * 60_000;

/** Department, template and program names → labels, from `core.options` (shared query). */
export function useOptionLabels() {
  const trpc = useTRPC();
  const options = useQuery(trpc.core.options.queryOptions(undefined, { staleTime: OPTIONS_STALE_MS }));
  return useMemo(() => {
    const map = (list: { name: string; label: string }[] | undefined) => new Map((list ?? []).map((o) => [o.name, o.label]));
    const departments = map(options.data?.departments);
    const templates = map(options.data?.templates);
    const programs = map(options.data?.programs);
    return {
      departmentOptions: options.data?.departments ?? [],
      department: (name: string) => departments.get(name) ?? name,
      template: (name: string) => templates.get(name) ?? name,
      program: (name: string) => programs.get(name) ?? name,
    };
  }, [options.data]);
}
