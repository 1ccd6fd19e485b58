"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useId, useMemo } from "react";
import { Button } from "~/components/ui/button";
import { cx } from "~/components/ui/cx";
import { ErrorState } from "~/components/ui/error-state";
import { inputClasses, labelClasses } from "~/components/ui/field";
import { PageHeader } from "~/components/ui/page-header";
import { Skeleton } from "~/components/ui/skeleton";
import { usePathname, useSearchParams } from "~/lib/navigation";
import { trpcErrorCode } from "~/trpc/error-code";
import { useTRPC } from "~/trpc/react";
import { HelpdeskNav } from "../helpdesk-nav";
import { useCatalogues } from "../use-catalogues";
import { formatMinutes, parseRange, serializeRange, type DashboardRange } from "./range";

// Charts are the heavy part: their own chunk, fetched after the figures are on screen.
const DashboardCharts = lazy(() => import("./dashboard-charts"));

function Stat({ label, value, hint, tone }: { label: string; value: string; hint?: string; tone?: "warn" | "danger" }) {
  return (
    <div className={cx("rounded-lg border bg-surface p-4", tone === "danger" ? "border-danger" : tone === "warn" ? "border-warn" : "border-line")}>
      <dt className="text-sm text-muted">{label}</dt>
      <dd className={cx("mt-1 text-2xl font-semibold tabular-nums", tone === "danger" && "text-danger", tone === "warn" && "text-warn")}>{value}</dd>
      {hint ? <dd className="mt-1 text-xs text-muted">{hint}</dd> : null}
    </div>
  );
}

/**
 * The helpdesk dashboard: open tickets by status, at risk and breached (now); for tickets opened in the
 * chosen range, average first response and resolution in business time (each ticket's SLA calendar)
 * and CSAT. The range and team live in the URL.
 */
export function DashboardView() {
  const trpc = useTRPC();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const range = useMemo(() => parseRange(new URLSearchParams(searchParams.toString())), [searchParams]);
  const catalogues = useCatalogues();
  const query = useQuery({ ...trpc.helpdeskAgent.dashboard.queryOptions({ from: range.from, to: range.to, ...(range.team ? { team: range.team } : {}) }), placeholderData: keepPreviousData });
  const update = (patch: Partial<DashboardRange>) => window.history.replaceState(null, "", `${pathname}?${serializeRange({ ...range, ...patch })}`);
  const fromId = useId();
  const toId = useId();
  const teamId = useId();
  const data = query.data;

  return (
    <>
      <PageHeader title="Helpdesk dashboard" description={data ? `Open, at risk and breached as of now; the rest for tickets opened ${range.from} to ${range.to} (UTC).` : " "} />
      <HelpdeskNav />
      <form aria-label="Date range" className="mb-4 grid grid-cols-2 gap-3 rounded-lg border border-line bg-surface p-3 sm:flex sm:flex-wrap sm:items-end sm:p-4" onSubmit={(e) => e.preventDefault()}>
        <div>
          <label htmlFor={fromId} className={labelClasses}>From</label>
          <input id={fromId} type="date" className={inputClasses} value={range.from} max={range.to} onChange={(e) => e.target.value && update({ from: e.target.value })} />
        </div>
        <div>
          <label htmlFor={toId} className={labelClasses}>To</label>
          <input id={toId} type="date" className={inputClasses} value={range.to} min={range.from} onChange={(e) => e.target.value && update({ to: e.target.value })} />
        </div>
        <div className="col-span-2 sm:w-52">
          <label htmlFor={teamId} className={labelClasses}>Team</label>
          <select id={teamId} className={inputClasses} value={range.team ?? ""} onChange={(e) => update({ team: e.target.value || undefined })}>
            <option value="">All teams</option>
            {catalogues.data?.teams.map((t) => <option key={t.name} value={t.name}>{t.name}</option>)}
          </select>
        </div>
      </form>
      {query.isPending ? (
        <div role="status" aria-label="Loading the dashboard" className="grid grid-cols-2 gap-3 lg:grid-cols-3">
          {Array.from({ length: 6 }, (_, i) => <Skeleton key={i} className="h-24 rounded-lg" />)}
        </div>
      ) : query.error && !data ? (
        <ErrorState title={trpcErrorCode(query.error) === "FORBIDDEN" ? "You don't have access to the helpdesk" : "The dashboard could not be loaded"} action={<Button variant="primary" onClick={() => void query.refetch()}>Try again</Button>} />
      ) : data ? (
        <div aria-busy={query.isFetching} className={cx("flex flex-col gap-4 transition-opacity", query.isPlaceholderData && "opacity-60")}>
          <dl className="grid grid-cols-2 gap-3 lg:grid-cols-3">
            <Stat label="Open tickets" value={String(data.open)} />
            <Stat label="At risk" value={String(data.atRisk)} tone={data.atRisk ? "warn" : undefined} hint="SLA clock past its at-risk share" />
            <Stat label="Breached" value={String(data.breached)} tone={data.breached ? "danger" : undefined} hint="Open with a missed SLA target" />
            <Stat label="Avg first response" value={formatMinutes(data.range.avgFirstResponseMinutes)} hint={`Business time, ${data.range.firstResponseSample} tickets`} />
            <Stat label="Avg resolution" value={formatMinutes(data.range.avgResolutionMinutes)} hint={`Business time less holds, ${data.range.resolutionSample} tickets`} />
            <Stat label="CSAT" value={data.range.csat.average === null ? "—" : `${data.range.csat.average.toFixed(1)} / 5`} hint={`${data.range.csat.responses} ratings · ${data.range.opened} opened, ${data.range.resolved} resolved`} />
          </dl>
          <Suspense fallback={<Skeleton className="h-56 w-full rounded-lg" />}>
            <DashboardCharts data={data} />
          </Suspense>
        </div>
      ) : null}
    </>
  );
}
