"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useId, useMemo } from "react";
import { Button } from "~/components/ui/button";
import { cx } from "~/components/ui/cx";
import { ErrorState } from "~/components/ui/error-state";
import { PageHeader } from "~/components/ui/page-header";
import { Skeleton } from "~/components/ui/skeleton";
import { usePathname, useSearchParams } from "~/lib/navigation";
import { trpcErrorCode } from "~/trpc/error-code";
import { useTRPC } from "~/trpc/react";
import { CrmNav } from "../crm-nav";
import type { Dashboard } from "./chart-data";
import { DashboardFilters } from "./dashboard-filters";
import { daysText, money, percent } from "./figures";
import { parseDashboardParams, serializeDashboardParams, toDashboardInput, type DashboardParams } from "./params";

// The charts (recharts) are the heavy part: their own chunk, fetched when the figures are on screen.
// React's lazy rather than next/dynamic, as elsewhere in the app (next/dynamic's loader adds ~2 kB gzip to the page).
const DashboardCharts = lazy(() => import("./dashboard-charts"));

function Kpi({ label, value, hint }: { label: string; value: string; hint: string }) {
  const id = useId();
  return (
    <li aria-labelledby={id} className="rounded-lg border border-line bg-surface p-4">
      <p id={id} className="text-sm text-muted">{label}</p>
      <p className="mt-1 text-2xl font-semibold text-fg tabular-nums">{value}</p>
      <p className="mt-1 text-xs text-muted">{hint}</p>
    </li>
  );
}

function Kpis({ data }: { data: Dashboard }) {
  const others = data.currencies.filter((c) => c.currency !== data.currency);
  const otherText = others.length ? ` · not counted: ${others.map((c) => `${c.deals} in ${c.currency}`).join(", ")}` : "";
  return (
    <ul aria-label="Key figures" className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <Kpi label="Open pipeline" value={money(data.pipeline.amount, data.currency)} hint={`${data.pipeline.deals} open deal${data.pipeline.deals === 1 ? "" : "s"} in ${data.currency}${otherText}`} />
      <Kpi label="Weighted forecast" value={money(data.forecast.weighted, data.currency)} hint="Open deals' value × probability" />
      <Kpi label="Conversion rate" value={percent(data.leads.conversionRate)} hint={`${data.leads.converted} of ${data.leads.created} lead${data.leads.created === 1 ? "" : "s"} created in the range converted`} />
      <Kpi label="Avg time to close" value={daysText(data.closed.avgDaysToClose)} hint={`Creation to win, ${data.closed.won} deal${data.closed.won === 1 ? "" : "s"} won in the range (${data.closed.lost} lost)`} />
    </ul>
  );
}

/**
 * The CRM dashboard: open pipeline and forecast as of now, leads and closed deals over the chosen
 * range, in the caller's scope (their own and their teams' records). Filters live in the URL.
 */
export function CrmDashboardView() {
  const trpc = useTRPC();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const params = useMemo(() => parseDashboardParams(new URLSearchParams(searchParams.toString())), [searchParams]);
  const query = useQuery({ ...trpc.crm.dashboard.queryOptions(toDashboardInput(params)), placeholderData: keepPreviousData });
  const update = (patch: Partial<DashboardParams>) => window.history.replaceState(null, "", `${pathname}?${serializeDashboardParams({ ...params, ...patch })}`);
  const data = query.data;

  return (
    <>
      <PageHeader title="CRM dashboard" description={`Pipeline and forecast as of now; leads and closed deals from ${params.from} to ${params.to} (UTC).`} />
      <CrmNav />
      <DashboardFilters params={params} teams={data?.teams ?? []} currencies={data?.currencies.map((c) => c.currency) ?? []} onChange={update} />
      {query.isPending ? (
        <div role="status" aria-label="Loading the dashboard" className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {Array.from({ length: 4 }, (_, i) => <Skeleton key={i} className="h-28 rounded-lg" />)}
        </div>
      ) : query.error && !data ? (
        <ErrorState title={trpcErrorCode(query.error) === "FORBIDDEN" ? "You don't have access to the CRM" : "The dashboard could not be loaded"} action={<Button variant="primary" onClick={() => void query.refetch()}>Try again</Button>} />
      ) : data ? (
        <div aria-busy={query.isFetching} className={cx("flex flex-col gap-4 transition-opacity", query.isPlaceholderData && "opacity-60")}>
          <Kpis data={data} />
          <Suspense fallback={<Skeleton className="h-72 w-full rounded-lg" />}>
            <DashboardCharts data={data} />
          </Suspense>
        </div>
      ) : null}
    </>
  );
}
