"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { SettingsList, type ListItem } from "../settings-list";

const strategyLabel: Record<string, string> = { round_robin: "Round robin", load_balancing: "Load balancing", skill_based: "Skill based" };

export function TeamList() {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.helpdeskSettings.teams.list.queryOptions(),
    select: (rows): ListItem[] =>
      rows.map((r) => ({
        key: r.name,
        href: `/helpdesk/settings/teams/${encodeURIComponent(r.name)}`,
        title: r.name,
        badges: [{ label: r.strategy ? (strategyLabel[r.strategy] ?? r.strategy) : "Manual", tone: "muted" as const }],
        detail: `${r.members} member${r.members === 1 ? "" : "s"}${r.team_lead ? ` · lead ${r.team_lead}` : ""}`,
      })),
  });
  return (
    <SettingsList title="Teams" description="Agent groups: their members, lead and assignment rule." newHref="/helpdesk/settings/teams/new" newLabel="New team" emptyTitle="No teams yet" emptyText="Tickets can't be routed to a team until one exists." query={query} />
  );
}
