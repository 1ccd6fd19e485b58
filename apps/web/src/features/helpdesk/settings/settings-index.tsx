"use client";

import Link from "next/link";
import { PageHeader } from "~/components/ui/page-header";
import { Skeleton } from "~/components/ui/skeleton";
import { LoadFailed } from "./states";
import { useSettingsOverview } from "./use-settings";

type Counts = NonNullable<ReturnType<typeof useSettingsOverview>["data"]>["counts"];

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const cards: { href: string; title: string; text: string; count: (c: Counts) => string }[] = [
  { href: "/helpdesk/settings/sla", title: "SLA policies", text: "Business hours, holidays, targets per priority, when a clock pauses.", count: (c) => plural(c.sla, "policy", "policies") },
  { href: "/helpdesk/settings/escalation", title: "Escalation rules", text: "Who is told, and what changes, as a target gets close or is breached.", count: (c) => plural(c.escalation, "rule") },
  { href: "/helpdesk/settings/teams", title: "Teams & assignment", text: "Members, team lead, and how new tickets are assigned.", count: (c) => plural(c.teams, "team") },
  { href: "/helpdesk/settings/agents", title: "Agents", text: "Availability, skills and how many open tickets each agent takes.", count: (c) => plural(c.agents, "agent") },
  { href: "/helpdesk/settings/catalogues", title: "Ticket types, priorities & statuses", text: "The lists tickets pick from.", count: (c) => `${plural(c.ticketTypes, "type")} · ${plural(c.priorities, "priority", "priorities")} · ${plural(c.statuses, "status", "statuses")}` },
];

/** /helpdesk/settings: one card per section with how many it holds. */
export function SettingsIndex() {
  const overview = useSettingsOverview();
  const header = (
    <PageHeader
      title="Helpdesk settings"
      description={overview.data ? (overview.data.defaultSla ? `Default SLA policy: ${overview.data.defaultSla}.` : "No default SLA policy yet: tickets get no due dates.") : "How tickets are timed, escalated and assigned."}
    />
  );
  if (overview.error) return <>{header}<LoadFailed error={overview.error} what="Settings" backHref="/helpdesk" retry={() => void overview.refetch()} /></>;
  return (
    <>
      {header}
      <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3" aria-busy={overview.isPending || undefined}>
        {cards.map((card) => (
          <li key={card.href}>
            <Link href={card.href} className="flex h-full flex-col gap-2 rounded-lg border border-line bg-surface p-4 hover:border-accent hover:bg-surface-2 sm:p-5">
              <span className="text-base font-semibold text-fg">{card.title}</span>
              <span className="text-sm text-muted">{card.text}</span>
              <span className="mt-auto pt-2 text-sm font-medium text-fg">{overview.data ? card.count(overview.data.counts) : <Skeleton className="h-4 w-24" />}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
