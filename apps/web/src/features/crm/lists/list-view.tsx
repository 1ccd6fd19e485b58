"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useCallback, useId, useState, type ReactNode } from "react";
import { Pagination } from "~/components/list/pagination";
import { SearchBox } from "~/components/list/search-box";
import { Button } from "~/components/ui/button";
import { cx } from "~/components/ui/cx";
import { EmptyState } from "~/components/ui/empty-state";
import { ErrorState } from "~/components/ui/error-state";
import { FilterIcon, ViewsIcon } from "~/components/ui/icons";
import { PageHeader } from "~/components/ui/page-header";
import { Skeleton } from "~/components/ui/skeleton";
import { useAfterIdle } from "~/lib/use-after-idle";
import { trpcErrorCode } from "~/trpc/error-code";
import { useTRPC } from "~/trpc/react";
import { ColumnPicker } from "./column-picker";
import { CrmNav } from "../crm-nav";
import { ExportButton } from "./export-button";
import type { ListCells } from "./list-cells";
import { ListFilters } from "./list-filters";
import { activeFilterCount, firstDirection, PAGE_SIZE, toGroupsInput, toListInput } from "./list-params";
import type { ListSpec } from "./list-spec";
import { ListTable } from "./list-table";
import { useCrmCatalogues } from "../use-crm-catalogues";
import { useListParams } from "./use-list-params";

function ViewsPlaceholder() {
  return (
    <Button className="flex-1 sm:flex-none" disabled aria-disabled="true">
      <ViewsIcon />
      <span>Views</span>
    </Button>
  );
}
// Loaded once the page is idle, like the Clients list's menu (not needed for the first paint).
const SavedViews = lazy(() => import("./list-saved-views").then((m) => ({ default: m.ListSavedViews }), () => ({ default: ViewsPlaceholder })));

/**
 * A CRM list (leads, deals): URL-held filters, search, sort, group-by, columns and page →
 * `crm.<list>.list` (and `.groups` when grouped); a table, cards on phones; saved views; CSV export
 * of exactly the view.
 */
export function CrmListView({ spec, cells, actions }: { spec: ListSpec; cells: ListCells; actions?: ReactNode }) {
  const trpc = useTRPC();
  const catalogues = useCrmCatalogues();
  const { params, hrefFor, update, applyQuery, pathname } = useListParams(spec);
  const list = useQuery({ ...trpc.crm[spec.key].list.queryOptions(toListInput(spec, params)), placeholderData: keepPreviousData });
  const groupsInput = toGroupsInput(spec, params);
  const groups = useQuery({ ...trpc.crm[spec.key].groups.queryOptions(groupsInput ?? { field: "" }), enabled: Boolean(groupsInput) });
  const [filtersOpen, setFiltersOpen] = useState(false);
  const idle = useAfterIdle();
  const filtersId = useId();
  const commitSearch = useCallback((q: string | undefined, options: { replace: boolean }) => update({ q }, options), [update]);
  const onSort = (sort: string) => update({ sort, dir: params.sort === sort ? (params.dir === "asc" ? "desc" : "asc") : firstDirection(spec, sort) });
  const filterCount = activeFilterCount(spec, params);
  const filtered = filterCount > 0 || Boolean(params.q);
  const clear = () => update({ q: undefined, filters: {} });
  const total = list.data?.total;
  const stale = list.isPlaceholderData && list.isFetching;

  return (
    <>
      <PageHeader
        title="CRM"
        description={total !== undefined ? <span aria-live="polite">{total.toLocaleString("en-US")} {total === 1 ? spec.one : spec.many}{filtered ? " match" : ""}</span> : " "}
        actions={<><ExportButton spec={spec} params={params} />{actions}</>}
      />
      <CrmNav />
      <section aria-label="Search and filters" className="mb-4 flex flex-col gap-3 rounded-lg border border-line bg-surface p-3 sm:p-4">
        <div className="flex flex-wrap gap-2 sm:flex-nowrap">
          <div className="min-w-0 flex-1 basis-full sm:basis-auto">
            <SearchBox id={`${spec.key}-search`} label={spec.search.label} placeholder={spec.search.placeholder} value={params.q ?? ""} onCommit={commitSearch} />
          </div>
          <Button className="flex-1 md:hidden" aria-expanded={filtersOpen} aria-controls={filtersId} onClick={() => setFiltersOpen((open) => !open)}>
            <FilterIcon />
            Filters{filterCount ? ` (${filterCount})` : ""}
          </Button>
          <ColumnPicker className="flex-1 sm:flex-none" spec={spec} cols={params.cols} onChange={(cols) => update({ cols, page: params.page })} />
          {idle ? (
            <Suspense fallback={<ViewsPlaceholder />}>
              <SavedViews className="flex-1 sm:flex-none" spec={spec} params={params} pathname={pathname} onApply={applyQuery} />
            </Suspense>
          ) : (
            <ViewsPlaceholder />
          )}
        </div>
        <div className={cx(filtersOpen ? "block" : "hidden md:block")}>
          <ListFilters id={filtersId} spec={spec} params={params} update={update} catalogues={catalogues.data} onClear={filtered ? clear : undefined} />
        </div>
      </section>
      {list.isPending && !list.data ? (
        <div role="status" aria-label={`Loading ${spec.many}`} aria-busy="true" className="flex flex-col gap-2">
          {[0, 1, 2, 3].map((i) => <Skeleton key={i} className="h-16 w-full" />)}
        </div>
      ) : list.error && !list.data ? (
        <ErrorState title={trpcErrorCode(list.error) === "FORBIDDEN" ? "You don't have access to the CRM" : `${spec.many.charAt(0).toUpperCase()}${spec.many.slice(1)} could not be loaded`} action={<Button variant="primary" onClick={() => void list.refetch()}>Try again</Button>} />
      ) : list.data && list.data.rows.length === 0 ? (
        list.data.total > 0 ? (
          <EmptyState title="This page is empty" action={<Button onClick={() => update({ page: 1 })}>Go to the first page</Button>}>There are only {list.data.total} {spec.many}.</EmptyState>
        ) : filtered ? (
          <EmptyState title={`No ${spec.many} match`} action={<Button onClick={clear}>Clear search and filters</Button>}>Try fewer filters or a different search.</EmptyState>
        ) : (
          <EmptyState title={`No ${spec.many} yet`}>{spec.many.charAt(0).toUpperCase()}{spec.many.slice(1)} of your teams will appear here.</EmptyState>
        )
      ) : list.data ? (
        <div aria-busy={stale} className={cx("transition-opacity", stale && "opacity-60")}>
          <ListTable spec={spec} rows={list.data.rows} params={params} cells={cells} groups={groups.data} onSort={onSort} />
          <Pagination page={params.page} pageSize={PAGE_SIZE} total={list.data.total} hrefFor={(page) => hrefFor({ page })} onPage={(page) => update({ page })} />
        </div>
      ) : null}
    </>
  );
}
