"use client";

import type { RouterOutputs } from "@orchestrator/modules";
import { keepPreviousData, useQuery, type UseQueryResult } from "@tanstack/react-query";
import { lazy, Suspense, useCallback, useId, useState } from "react";
import Link from "next/link";
import { Button, buttonClasses } from "~/components/ui/button";
import { cx } from "~/components/ui/cx";
import { EmptyState } from "~/components/ui/empty-state";
import { ErrorState } from "~/components/ui/error-state";
import { FilterIcon, ViewsIcon } from "~/components/ui/icons";
import { PageHeader } from "~/components/ui/page-header";
import { trpcErrorCode } from "~/trpc/error-code";
import { useAfterIdle } from "~/lib/use-after-idle";
import { useTRPC } from "~/trpc/react";
import { ClientsSkeleton } from "./clients-skeleton";
import { ClientsTable } from "./clients-table";
import { useOptionLabels } from "./labels";
import { describeListParams, ListFilters, SortSelect } from "./list-filters";
import { activeFilterCount, PAGE_SIZE, toListInput, viewQuery, type ClientSortField, type ListParams } from "./list-params";
import { Pagination } from "~/components/list/pagination";
import { SearchBox } from "~/components/list/search-box";
import { useListParams } from "./use-list-params";
import { can, useMe } from "~/lib/use-me";

/**
 * The saved-views menu (its popover, dialogs and mutations) loads after the page, not with it: it
 * is not needed for the first paint, and the list's First Load JS has a budget. It is fetched once
 * the page is idle after hydrating; until then a disabled "Views" button holds its place.
 */
function ViewsPlaceholder() {
  return (
    <Button className="flex-1 sm:flex-none" disabled aria-disabled="true">
      <ViewsIcon />
      <span>Views</span>
    </Button>
  );
}
// React's lazy, not next/dynamic (whose loader adds ~2 kB gzip to the page): only rendered in the browser, once idle.
// A failed download keeps the disabled placeholder instead of taking the list down with it.
const SavedViews = lazy(() => import("./saved-views").then((m) => ({ default: m.SavedViews }), () => ({ default: ViewsPlaceholder })));

/** The Clients list: URL-held view state → `clients.list` → one table, laid out as cards on phones. */
export function ClientsView() {
  const trpc = useTRPC();
  const { params, hrefFor, update, applyQuery, pathname } = useListParams();
  const labels = useOptionLabels();
  const me = useMe();
  const list = useQuery({ ...trpc.clients.list.queryOptions(toListInput(params)), placeholderData: keepPreviousData });
  const [filtersOpen, setFiltersOpen] = useState(false);
  const idle = useAfterIdle();
  const filtersId = useId();

  const commitSearch = useCallback((q: string | undefined, options: { replace: boolean }) => update({ q }, options), [update]);
  const onSort = (sort: ClientSortField) => update({ sort, dir: params.sort === sort && params.dir === "asc" ? "desc" : "asc" });
  const clearFilters = () => update({ q: undefined, status: [], department: undefined, from: undefined, to: undefined });
  const filterCount = activeFilterCount(params);
  const filtered = filterCount > 0 || Boolean(params.q);

  return (
    <>
      <PageHeader
        title="Clients"
        description={list.data ? <span aria-live="polite">{countLabel(list.data.total, list.data.totalIsCapped, filtered)}</span> : " "}
        actions={can(me.data, "client", "write") ? <Link href="/clients/new" className={buttonClasses("primary")}>New client</Link> : undefined}
      />

      {/*
        The Suspense boundaries (never suspended: the data is already here) split hydration into
        separate tasks, so the browser can paint and answer input between them.
      */}
      <Suspense>
        <section aria-label="Search and filters" className="mb-4 flex flex-col gap-3 rounded-lg border border-line bg-surface p-3 sm:p-4">
          {/* Phones: search on its own row, Filters and Views side by side under it. */}
          <div className="flex flex-wrap gap-2 sm:flex-nowrap">
            <div className="min-w-0 flex-1 basis-full sm:basis-auto">
              <SearchBox value={params.q ?? ""} onCommit={commitSearch} />
            </div>
            <Button className="flex-1 sm:flex-none md:hidden" aria-expanded={filtersOpen} aria-controls={filtersId} onClick={() => setFiltersOpen((open) => !open)}>
              <FilterIcon />
              Filters{filterCount ? ` (${filterCount})` : ""}
            </Button>
            {idle ? (
              <Suspense fallback={<ViewsPlaceholder />}>
                <SavedViews
                  className="flex-1 sm:flex-none"
                  current={viewQuery(params)}
                  pathname={pathname}
                  onApply={applyQuery}
                  describeCurrent={() => describeListParams(params, labels.department)}
                />
              </Suspense>
            ) : (
              <ViewsPlaceholder />
            )}
          </div>
          <div className={cx("flex-col gap-3", filtersOpen ? "flex" : "hidden md:flex")}>
            <ListFilters id={filtersId} params={params} update={update} departments={labels.departmentOptions} onClear={filtered ? clearFilters : undefined} />
            <SortSelect className="md:hidden" params={params} update={update} />
          </div>
        </section>
      </Suspense>

      <Suspense>
        <Results
          params={params}
          list={list}
          filtered={filtered}
          onSort={onSort}
          onClear={clearFilters}
          hrefFor={(page) => hrefFor({ page })}
          onPage={(page) => update({ page })}
          departmentLabel={labels.department}
        />
      </Suspense>
    </>
  );
}

function countLabel(total: number, capped: boolean, filtered: boolean): string {
  const noun = total === 1 ? "client" : "clients";
  const amount = `${total.toLocaleString("en-US")}${capped ? "+" : ""}`;
  return filtered ? `${amount} ${noun} match` : `${amount} ${noun}`;
}

type ListQuery = UseQueryResult<RouterOutputs["clients"]["list"], unknown>;

function Results({ params, list, filtered, onSort, onClear, hrefFor, onPage, departmentLabel }: {
  params: ListParams;
  list: Pick<ListQuery, "data" | "error" | "isPending" | "isPlaceholderData" | "isFetching" | "refetch">;
  filtered: boolean;
  onSort: (sort: ClientSortField) => void;
  onClear: () => void;
  hrefFor: (page: number) => string;
  onPage: (page: number) => void;
  departmentLabel: (name: string) => string;
}) {
  if (list.isPending) return <ClientsSkeleton />;

  if (list.error && !list.data) {
    const forbidden = trpcErrorCode(list.error) === "FORBIDDEN";
    return (
      <ErrorState
        title={forbidden ? "You don't have access to clients" : "Clients could not be loaded"}
        action={forbidden ? undefined : <Button variant="primary" onClick={() => void list.refetch()}>Try again</Button>}
      >
        {forbidden ? "Ask an administrator if you need it." : undefined}
      </ErrorState>
    );
  }

  const data = list.data;
  if (!data) return <ClientsSkeleton />;

  if (data.rows.length === 0) {
    if (data.total > 0) {
      return <EmptyState title="This page is empty" action={<Button onClick={() => onPage(1)}>Go to the first page</Button>}>There are only {data.total} results.</EmptyState>;
    }
    return filtered ? (
      <EmptyState title="No clients match" action={<Button onClick={onClear}>Clear search and filters</Button>}>
        Try fewer filters or a different search.
      </EmptyState>
    ) : (
      <EmptyState title="No clients yet">Clients you can see will appear here.</EmptyState>
    );
  }

  const stale = list.isPlaceholderData && list.isFetching;
  return (
    <div aria-busy={stale} className={cx("transition-opacity", stale && "opacity-60")}>
      {list.error ? (
        <p role="alert" className="mb-3 rounded-md bg-danger-soft px-3 py-2 text-sm text-danger">
          Showing earlier results: the latest could not be loaded.{" "}
          <button type="button" className="font-medium underline" onClick={() => void list.refetch()}>
            Try again
          </button>
        </p>
      ) : null}
      <ClientsTable rows={data.rows} params={params} onSort={onSort} departmentLabel={departmentLabel} />
      <Pagination page={params.page} pageSize={PAGE_SIZE} total={data.total} totalIsCapped={data.totalIsCapped} hrefFor={hrefFor} onPage={onPage} />
    </div>
  );
}
