"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { SettingsList, type ListItem } from "../settings-list";

const tone = { Active: "accent", Away: "warn", Offline: "muted" } as const;

export function AgentList() {
  const trpc = useTRPC();
  const query = useQuery({
    ...trpc.helpdeskSettings.agents.list.queryOptions(),
    select: (rows): ListItem[] =>
      rows.map((r) => ({
        key: r.name,
        href: `/helpdesk/settings/agents/${encodeURIComponent(r.name)}`,
        title: r.agent_name ?? r.user,
        badges: [{ label: r.availability, tone: tone[r.availability] }, ...(r.is_active ? [] : [{ label: "Inactive", tone: "muted" as const }])],
        detail: [r.user, r.skills.length ? r.skills.join(", ") : "no skills", r.max_open ? `max ${r.max_open} open` : null].filter(Boolean).join(" · "),
      })),
  });
  return <SettingsList title="Agents" description="People who work tickets: availability, skills and capacity." newHref="/helpdesk/settings/agents/new" newLabel="New agent" emptyTitle="No agents yet" emptyText="Add the users who work tickets as agents." query={query} />;
}
