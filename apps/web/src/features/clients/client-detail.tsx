"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useSearchParams } from "~/lib/navigation";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { ErrorState } from "~/components/ui/error-state";
import { Skeleton } from "~/components/ui/skeleton";
import { trpcErrorCode } from "~/trpc/error-code";
import { useTRPC } from "~/trpc/react";
import { ClientForm } from "./client-form";
import { ClientNotFound } from "./client-not-found";
import { MedicalPanel, OverviewPanel, ProgramPanel } from "./detail-panels";
import { HistoryList } from "./history-panel";
import { useOptionLabels } from "./labels";
import { StatusBadge } from "./status-badge";
import { Tabs, type Tab } from "~/components/ui/tabs";
import { ActivateTemplate, TasksPanel, useClientTasks } from "./tasks-panel";
import { can, useMe } from "~/lib/use-me";
import { BackLink } from "~/components/ui/back-link";

const POLL_FOR_MS = 20_000;

/**
 * One client: header, then tabs. Medical and Program tabs exist only when the server sent those
 * child tables — it leaves out what this user may not read — so they are absent, not disabled.
 * Tasks follows the same rule (tasks are medical or program data), or shows when there are tasks.
 * Editing happens in place (`?edit=1`, so a sign-in after an expired session comes back to it).
 */
export function ClientDetail({ name }: { name: string }) {
  const trpc = useTRPC();
  const labels = useOptionLabels();
  const me = useMe();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const summary = useQuery(trpc.clients.summary.queryOptions({ name }));
  const [polling, setPolling] = useState<{ count: number; until: number }>();
  const tasks = useClientTasks(name, polling);
  const editing = searchParams.get("edit") === "1";

  const setEditing = (on: boolean) => {
    const params = new URLSearchParams(searchParams.toString());
    if (on) params.set("edit", "1");
    else params.delete("edit");
    const query = params.toString();
    window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
  };

  if (summary.isPending) return <Skeleton className="h-40 w-full rounded-lg" />;
  if (summary.error) {
    if (trpcErrorCode(summary.error) === "NOT_FOUND") return <ClientNotFound />;
    return (
      <ErrorState title="This client could not be loaded" action={<Button variant="primary" onClick={() => void summary.refetch()}>Try again</Button>} />
    );
  }

  const data = summary.data;
  const client = data.client;
  const medical = Array.isArray(client.medical_assignments) ? client.medical_assignments : undefined;
  const program = Array.isArray(client.program_assignments) ? client.program_assignments : undefined;
  const canWriteClient = can(me.data, "client", "write");
  const canActivate = Boolean(medical) && can(me.data, "medical", "write");
  const showTasks = Boolean(medical || program) || (tasks.data?.length ?? 0) > 0;

  const tabs: Tab[] = [
    { id: "overview", label: "Overview", content: <OverviewPanel summary={data} labels={labels} /> },
    ...(medical
      ? [
          {
            id: "medical",
            label: "Medical",
            content: (
              <>
                {canActivate ? <ActivateTemplate client={client.name} onActivated={(count) => setPolling({ count, until: Date.now() + POLL_FOR_MS })} /> : null}
                <MedicalPanel rows={medical} labels={labels} />
              </>
            ),
          },
        ]
      : []),
    ...(program ? [{ id: "program", label: "Program", content: <ProgramPanel rows={program} labels={labels} /> }] : []),
    ...(showTasks ? [{ id: "tasks", label: "Tasks", content: <TasksPanel name={client.name} polling={polling} /> }] : []),
    { id: "history", label: "History", content: <HistoryList name={client.name} /> },
  ];

  return (
    <>
      <BackLink href="/clients">Clients</BackLink>
      <header className="mb-4 flex flex-wrap items-center gap-x-3 gap-y-2 sm:mb-6">
        <h1 className="text-xl font-semibold tracking-tight sm:text-2xl">
          {client.first_name} {client.last_name}
        </h1>
        <StatusBadge status={client.status} />
        {canWriteClient && !editing ? (
          <Button className="ml-auto" onClick={() => setEditing(true)}>
            Edit
          </Button>
        ) : null}
        <p className="basis-full text-sm text-muted">
          <span className="font-mono">{client.name}</span>
          <span aria-hidden="true"> · </span>
          <span className="sr-only">, department </span>
          {labels.department(client.department)}
        </p>
      </header>
      {editing && canWriteClient ? (
        <section aria-label="Edit client" className="mb-6">
          <ClientForm key={client.name} client={client} onDone={() => setEditing(false)} />
        </section>
      ) : null}
      <Tabs label="Client sections" tabs={tabs} />
    </>
  );
}
