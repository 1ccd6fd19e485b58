"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { SettingsList, type ListItem } from "../settings-list";

export function EscalationList() {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.helpdeskSettings.escalation.list.queryOptions(),
    select: (rows): ListItem[] =>
      rows.map((r) => ({
        key: r.name,
        href: `/helpdesk/settings/escalation/${encodeURIComponent(r.name)}`,
        title: r.name,
        badges: r.enabled ? [] : [{ label: "Disabled", tone: "warn" as const }],
        detail: `${r.levels} level${r.levels === 1 ? "" : "s"}${r.description ? ` · ${r.description}` : ""}`,
      })),
  });
  return (
    <SettingsList
      title="Escalation rules"
      description="Notify, reassign or raise the priority as SLA targets get close or are breached."
      newHref="/helpdesk/settings/escalation/new"
      newLabel="New escalation rule"
      emptyTitle="No escalation rules yet"
      emptyText="Nobody is told when a ticket is about to breach its SLA."
      query={query}
    />
  );
}
