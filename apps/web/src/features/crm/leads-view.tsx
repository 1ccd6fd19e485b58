"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useId, useState } from "react";
import { Pagination } from "~/components/list/pagination";
import { SearchBox } from "~/components/list/search-box";
import { Button, buttonClasses } from "~/components/ui/button";
import { cx } from "~/components/ui/cx";
import { EmptyState } from "~/components/ui/empty-state";
import { ErrorState } from "~/components/ui/error-state";
import { FilterIcon } from "~/components/ui/icons";
import { PageHeader } from "~/components/ui/page-header";
import { Skeleton } from "~/components/ui/skeleton";
import { trpcErrorCode } from "~/trpc/error-code";
import { useTRPC } from "~/trpc/react";
import { CrmNav } from "./crm-nav";
import { LeadFilters } from "./lead-filters";
import { activeLeadFilters, PAGE_SIZE, toLeadListInput } from "./lead-list-params";
import { LeadsTable } from "./leads-table";
import { useCrmCatalogues } from "./use-crm-catalogues";
import { useLeadListParams } from "./use-lead-list-params";

/** The leads list: URL-held filters, search, sort and page → `crm.leads.list`; a table, cards on phones. */
export function LeadsView() {
  const trpc = useTRPC();
  const catalogues = useCrmCatalogues();
  const { params, hrefFor, update } = useLeadListParams();
  const list = useQuery({ ...trpc.crm.leads.list.queryOptions(toLeadListInput(params)), placeholderData: keepPreviousData });
  const [filtersOpen, setFiltersOpen] = useState(false);
  const filtersId = useId();
  const commitSearch = useCallback((q: string | undefined, options: { replace: boolean }) => update({ q }, options), [update]);
  const filterCount = activeLeadFilters(params);
  const filtered = filterCount > 0 || Boolean(params.q);
  const clear = () => update({ q: undefined, status: undefined, source: undefined, team: undefined, owner: undefined });
  const total = list.data?.total;

  return (
    <>
      <PageHeader
        title="CRM"
        description={total !== undefined ? <span aria-live="polite">{total.toLocaleString("en-US")} lead{total === 1 ? "" : "s"}{filtered ? " match" : ""}</span> : " "}
        actions={<Link href="/crm/leads/new" className={buttonClasses("primary")}>New lead</Link>}
      />
      <CrmNav />
      <section aria-label="Search and filters" className="mb-4 flex flex-col gap-3 rounded-lg border border-line bg-surface p-3 sm:p-4">
        <div className="flex flex-wrap gap-2 sm:flex-nowrap">
          <div className="min-w-0 flex-1 basis-full sm:basis-auto">
            <SearchBox id="lead-search" label="Search leads" placeholder="Search by name, e-mail, organisation or mobile" value={params.q ?? ""} onCommit={commitSearch} />
          </div>
          <Button className="flex-1 md:hidden" aria-expanded={filtersOpen} aria-controls={filtersId} onClick={() => setFiltersOpen((open) => !open)}>
            <FilterIcon />
            Filters{filterCount ? ` (${filterCount})` : ""}
          </Button>
        </div>
        <div className={cx(filtersOpen ? "block" : "hidden md:block")}>
          <LeadFilters id={filtersId} params={params} update={update} catalogues={catalogues.data} onClear={filtered ? clear : undefined} />
        </div>
      </section>
      {list.isPending && !list.data ? (
        <div role="status" aria-label="Loading leads" aria-busy="true" className="flex flex-col gap-2">
          {[0, 1, 2, 3].map((i) => <Skeleton key={i} className="h-16 w-full" />)}
        </div>
      ) : list.error && !list.data ? (
        <ErrorState title={trpcErrorCode(list.error) === "FORBIDDEN" ? "You don't have access to the CRM" : "Leads could not be loaded"} action={<Button variant="primary" onClick={() => void list.refetch()}>Try again</Button>} />
      ) : list.data && list.data.rows.length === 0 ? (
        filtered ? (
          <EmptyState title="No leads match" action={<Button onClick={clear}>Clear search and filters</Button>}>Try fewer filters or a different search.</EmptyState>
        ) : (
          <EmptyState title="No leads yet" action={<Link href="/crm/leads/new" className={buttonClasses("primary")}>New lead</Link>}>Leads of your teams will appear here.</EmptyState>
        )
      ) : list.data ? (
        <div aria-busy={list.isPlaceholderData && list.isFetching} className={cx("transition-opacity", list.isPlaceholderData && list.isFetching && "opacity-60")}>
          <LeadsTable rows={list.data.rows} params={params} />
          <Pagination page={params.page} pageSize={PAGE_SIZE} total={list.data.total} hrefFor={(page) => hrefFor({ page })} onPage={(page) => update({ page })} />
        </div>
      ) : null}
    </>
  );
}
