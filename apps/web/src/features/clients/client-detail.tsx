"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Button } from "~/components/ui/button";
import { ErrorState } from "~/components/ui/error-state";
import { ChevronLeftIcon } from "~/components/ui/icons";
import { Skeleton } from "~/components/ui/skeleton";
import { trpcErrorCode } from "~/trpc/error-code";
import { useTRPC } from "~/trpc/react";
import { ClientNotFound } from "./client-not-found";
import { HistoryPanel, MedicalPanel, OverviewPanel, ProgramPanel } from "./detail-panels";
import { useOptionLabels } from "./labels";
import { StatusBadge } from "./status-badge";
import { Tabs, type Tab } from "./tabs";

/**
 * One client: header, then tabs. Medical and Program tabs exist only when the server sent those
 * child tables — it leaves out what this user may not read — so they are absent, not disabled.
 */
export function ClientDetail({ name }: { name: string }) {
  const trpc = useTRPC();
  const labels = useOptionLabels();
  const summary = useQuery(trpc.clients.summary.queryOptions({ name }));

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

  const tabs: Tab[] = [
    { id: "overview", label: "Overview", content: <OverviewPanel summary={data} labels={labels} /> },
    ...(medical ? [{ id: "medical", label: "Medical", content: <MedicalPanel rows={medical} labels={labels} /> }] : []),
    ...(program ? [{ id: "program", label: "Program", content: <ProgramPanel rows={program} labels={labels} /> }] : []),
    { id: "history", label: "History", content: <HistoryPanel summary={data} /> },
  ];

  return (
    <>
      <Link href="/clients" className="mb-3 inline-flex min-h-10 items-center gap-1 text-sm text-muted hover:text-fg">
        <ChevronLeftIcon />
        Clients
      </Link>
      <header className="mb-4 flex flex-wrap items-center gap-x-3 gap-y-2 sm:mb-6">
        <h1 className="text-xl font-semibold tracking-tight sm:text-2xl">
          {client.first_name} {client.last_name}
        </h1>
        <StatusBadge status={client.status} />
        <p className="basis-full text-sm text-muted">
          <span className="font-mono">{client.name}</span>
          <span aria-hidden="true"> · </span>
          <span className="sr-only">, department </span>
          {labels.department(client.department)}
        </p>
      </header>
      <Tabs label="Client sections" tabs={tabs} />
    </>
  );
}
