"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { SettingsList, type ListItem } from "../settings-list";

export function SlaList() {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.helpdeskSettings.sla.list.queryOptions(),
    select: (rows): ListItem[] =>
      rows.map((r) => ({
        key: r.name,
        href: `/helpdesk/settings/sla/${encodeURIComponent(r.name)}`,
        title: r.name,
        badges: [...(r.is_default ? [{ label: "Default", tone: "accent" as const }] : []), ...(r.enabled ? [] : [{ label: "Disabled", tone: "warn" as const }])],
        detail: `${r.time_zone} · ${r.conditions ? `${r.conditions} condition${r.conditions === 1 ? "" : "s"}` : "no conditions"}`,
      })),
  });
  return (
    <SettingsList
      title="SLA policies"
      description="Response and resolution targets per priority, counted in each policy's business hours."
      newHref="/helpdesk/settings/sla/new"
      newLabel="New SLA policy"
      emptyTitle="No SLA policies yet"
      emptyText="Tickets get no due dates until a default policy exists."
      query={query}
    />
  );
}
