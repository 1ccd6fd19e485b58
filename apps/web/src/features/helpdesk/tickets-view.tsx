"use client";

import type { RouterOutputs } from "@orchestrator/modules";
import { keepPreviousData, useQuery, type UseQueryResult } from "@tanstack/react-query";
import Link from "next/link";
import { lazy, Suspense, useCallback, useEffect, useId, useState } from "react";
import { Button, buttonClasses } from "~/components/ui/button";
import { cx } from "~/components/ui/cx";
import { EmptyState } from "~/components/ui/empty-state";
import { ErrorState } from "~/components/ui/error-state";
import { FilterIcon, ViewsIcon } from "~/components/ui/icons";
import { PageHeader } from "~/components/ui/page-header";
import { Pagination } from "~/components/list/pagination";
import { SearchBox } from "~/components/list/search-box";
import { useMe } from "~/lib/use-me";
import { useAfterIdle } from "~/lib/use-after-idle";
import { trpcErrorCode } from "~/trpc/error-code";
import { useTRPC } from "~/trpc/react";
import { BulkActions } from "./bulk-actions";
import { HelpdeskNav } from "./helpdesk-nav";
import { TicketFilters, TicketSortSelect } from "./list-filters";
import { activeFilterCount, PAGE_SIZE, toListInput, viewQuery, type TicketListParams, type TicketSortField } from "./list-params";
import { TicketsSkeleton } from "./tickets-skeleton";
import { TicketsTable } from "./tickets-table";
import { useCatalogues } from "./use-catalogues";
import { useTicketListParams } from "./use-list-params";

function ViewsPlaceholder() {
  return (
    <Button className="flex-1 sm:flex-none" disabled aria-disabled="true">
      <ViewsIcon />
      <span>Views</span>
    </Button>
  );
}
// Loaded once the page is idle, like the Clients list's menu (not needed for the first paint).
const SavedViews = lazy(() => import("./saved-views").then((m) => ({ default: m.TicketSavedViews }), () => ({ default: ViewsPlaceholder })));

/** The agent ticket list: URL-held view state → `helpdeskAgent.tickets`; a table, cards on phones; bulk assign and close. */
export function TicketsView() {
  const trpc = useTRPC();
  const me = useMe();
  const catalogues = useCatalogues();
  const { params, hrefFor, update, applyQuery, pathname } = useTicketListParams();
  const input = toListInput(params, me.data?.user);
  // `assignee=me` needs to know who "me" is before it can ask.
  const list = useQuery({ ...trpc.helpdeskAgent.tickets.queryOptions(input), placeholderData: keepPreviousData, enabled: params.assignee !== "me" || Boolean(me.data) });
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [failures, setFailures] = useState<Map<string, string>>(new Map());
  const idle = useAfterIdle();
  const filtersId = useId();
  const query = viewQuery(params);

  // Another view (or page) starts with nothing selected.
  useEffect(() => {
    setSelected(new Set());
    setFailures(new Map());
  }, [query, params.page]);

  const commitSearch = useCallback((q: string | undefined, options: { replace: boolean }) => update({ q }, options), [update]);
  const onSort = (sort: TicketSortField) => update({ sort, dir: params.sort === sort && params.dir === "asc" ? "desc" : "asc" });
  const clearFilters = () => update({ q: undefined, status: [], priority: [], team: undefined, assignee: undefined, sla: [], risk: false });
  const filterCount = activeFilterCount(params);
  const filtered = filterCount > 0 || Boolean(params.q);
  const rows = list.data?.rows ?? [];
  const toggle = (name: string) => setSelected((s) => { const next = new Set(s); if (next.has(name)) next.delete(name); else next.add(name); return next; });
  const toggleAll = (on: boolean) => setSelected(on ? new Set(rows.map((r) => r.name)) : new Set());

  return (
    <>
      <PageHeader
        title="Helpdesk"
        description={list.data ? <span aria-live="polite">{countLabel(list.data.total, list.data.totalIsCapped, filtered)}</span> : " "}
        actions={<Link href="/helpdesk/new" className={buttonClasses("primary")}>New ticket</Link>}
      />
      <HelpdeskNav />
      <Suspense>
        <section aria-label="Search and filters" className="mb-4 flex flex-col gap-3 rounded-lg border border-line bg-surface p-3 sm:p-4">
          <div className="flex flex-wrap gap-2 sm:flex-nowrap">
            <div className="min-w-0 flex-1 basis-full sm:basis-auto">
              <SearchBox id="ticket-search" label="Search tickets" placeholder="Search by subject, e-mail or customer" value={params.q ?? ""} onCommit={commitSearch} />
            </div>
            <Button className="flex-1 sm:flex-none md:hidden" aria-expanded={filtersOpen} aria-controls={filtersId} onClick={() => setFiltersOpen((open) => !open)}>
              <FilterIcon />
              Filters{filterCount ? ` (${filterCount})` : ""}
            </Button>
            {idle ? (
              <Suspense fallback={<ViewsPlaceholder />}>
                <SavedViews className="flex-1 sm:flex-none" params={params} pathname={pathname} onApply={applyQuery} />
              </Suspense>
            ) : (
              <ViewsPlaceholder />
            )}
          </div>
          <div className={cx("flex-col gap-3", filtersOpen ? "flex" : "hidden md:flex")}>
            <TicketFilters id={filtersId} params={params} update={update} catalogues={catalogues.data} onClear={filtered ? clearFilters : undefined} />
            <TicketSortSelect className="md:hidden" params={params} update={update} />
          </div>
        </section>
      </Suspense>
      {selected.size ? (
        <BulkActions selected={selected} rows={rows} catalogues={catalogues.data} me={me.data?.user} onDone={(f) => { setFailures(f); setSelected(new Set(f.keys())); }} />
      ) : null}
      <Suspense>
        <Results params={params} list={list} filtered={filtered} onClear={clearFilters} hrefFor={(page) => hrefFor({ page })} onPage={(page) => update({ page })}>
          {(data) => <TicketsTable rows={data.rows} params={params} onSort={onSort} selected={selected} onToggle={toggle} onToggleAll={toggleAll} failures={failures} agentName={catalogues.agentName} />}
        </Results>
      </Suspense>
    </>
  );
}

function countLabel(total: number, capped: boolean, filtered: boolean): string {
  const amount = `${total.toLocaleString("en-US")}${capped ? "+" : ""} ticket${total === 1 ? "" : "s"}`;
  return filtered ? `${amount} match` : amount;
}

type ListData = RouterOutputs["helpdeskAgent"]["tickets"];

function Results({ params, list, filtered, onClear, hrefFor, onPage, children }: {
  params: TicketListParams;
  list: Pick<UseQueryResult<ListData, unknown>, "data" | "error" | "isPending" | "isPlaceholderData" | "isFetching" | "refetch">;
  filtered: boolean;
  onClear: () => void;
  hrefFor: (page: number) => string;
  onPage: (page: number) => void;
  children: (data: ListData) => React.ReactNode;
}) {
  if (list.isPending && !list.data) return <TicketsSkeleton />;
  if (list.error && !list.data) {
    const forbidden = trpcErrorCode(list.error) === "FORBIDDEN";
    return (
      <ErrorState title={forbidden ? "You don't have access to the helpdesk" : "Tickets could not be loaded"} action={forbidden ? undefined : <Button variant="primary" onClick={() => void list.refetch()}>Try again</Button>}>
        {forbidden ? "Ask an administrator if you need it." : undefined}
      </ErrorState>
    );
  }
  const data = list.data;
  if (!data) return <TicketsSkeleton />;
  if (data.rows.length === 0) {
    if (data.total > 0) return <EmptyState title="This page is empty" action={<Button onClick={() => onPage(1)}>Go to the first page</Button>}>There are only {data.total} tickets.</EmptyState>;
    return filtered ? (
      <EmptyState title="No tickets match" action={<Button onClick={onClear}>Clear search and filters</Button>}>Try fewer filters or a different search.</EmptyState>
    ) : (
      <EmptyState title="No tickets yet" action={<Link href="/helpdesk/new" className={buttonClasses("primary")}>New ticket</Link>}>Tickets of your departments will appear here.</EmptyState>
    );
  }
  const stale = list.isPlaceholderData && list.isFetching;
  return (
    <div aria-busy={stale} className={cx("transition-opacity", stale && "opacity-60")}>
      {list.error ? (
        <p role="alert" className="mb-3 rounded-md bg-danger-soft px-3 py-2 text-sm text-danger">
          Showing earlier results: the latest could not be loaded.{" "}
          <button type="button" className="font-medium underline" onClick={() => void list.refetch()}>Try again</button>
        </p>
      ) : null}
      {children(data)}
      <Pagination page={params.page} pageSize={PAGE_SIZE} total={data.total} totalIsCapped={data.totalIsCapped} hrefFor={hrefFor} onPage={onPage} />
    </div>
  );
}
