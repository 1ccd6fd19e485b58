"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { ErrorState } from "~/components/ui/error-state";
import { PageHeader } from "~/components/ui/page-header";
import { Skeleton } from "~/components/ui/skeleton";
import { useTRPC } from "~/trpc/react";
import { RUN_REFRESH_MS } from "./format";
import { SourceCard } from "./source-card";

/** Integrations: one card per external source with its status, schedule and last run, and "Sync now". */
export function SourcesView() {
  const trpc = useTRPC();
  const sources = useQuery({
    ...trpc.sync.sources.queryOptions(),
    // While a source is busy its card follows the run.
    refetchInterval: (query) => (query.state.data?.some((s) => s.running_run) ? RUN_REFRESH_MS : false),
  });
  const schedules = useQuery(trpc.queues.list.queryOptions());
  const [checking, setChecking] = useState(false);
  const health = useQuery({ ...trpc.sync.sources.queryOptions({ health: true }), enabled: checking, staleTime: 0 });
  const check = () => (checking ? void health.refetch() : setChecking(true));
  const syncSchedulers = schedules.data?.find((q) => q.name === "sync")?.schedulers;

  return (
    <>
      <PageHeader title="Integrations" description="External systems that feed clients: their status, schedule and last sync." />
      {sources.isPending ? (
        <div aria-busy="true" aria-label="Loading sources" className="space-y-3">{Array.from({ length: 2 }, (_, i) => <Skeleton key={i} className="h-40 w-full" />)}</div>
      ) : sources.isError ? (
        <ErrorState action={<Button onClick={() => void sources.refetch()}>Try again</Button>} />
      ) : sources.data.length === 0 ? (
        <EmptyState title="No sources">Kipu appears here once it is configured; a webhook source once it has pushed records.</EmptyState>
      ) : (
        <div className="space-y-4">
          {sources.data.map((source) => (
            <SourceCard
              key={source.name}
              source={source}
              schedulers={syncSchedulers}
              health={health.data?.find((h) => h.name === source.name)?.health}
              checking={health.isFetching}
              onCheck={check}
            />
          ))}
        </div>
      )}
    </>
  );
}
