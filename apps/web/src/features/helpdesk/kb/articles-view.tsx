"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback } from "react";
import { Button, buttonClasses } from "~/components/ui/button";
import { cx } from "~/components/ui/cx";
import { EmptyState } from "~/components/ui/empty-state";
import { ErrorState } from "~/components/ui/error-state";
import { inputClasses, labelClasses } from "~/components/ui/field";
import { PageHeader } from "~/components/ui/page-header";
import { Skeleton } from "~/components/ui/skeleton";
import { Pagination } from "~/components/list/pagination";
import { SearchBox } from "~/components/list/search-box";
import { can, useMe } from "~/lib/use-me";
import { trpcErrorCode } from "~/trpc/error-code";
import { useTRPC } from "~/trpc/react";
import { ArticlesTable } from "./articles-table";
import { KbTabs } from "./kb-tabs";
import { ARTICLE_STATUSES, PAGE_SIZE, SORT_LABELS, SORTS, toKbListInput, type ArticleSort, type ArticleStatus } from "./kb-params";
import { useCategories } from "./use-categories";
import { useKbParams } from "./use-kb-params";

/** The agent's knowledge base: URL-held search, category, status and sort → `kb.list`, a table that becomes cards on phones. */
export function ArticlesView() {
  const trpc = useTRPC();
  const me = useMe();
  const { params, hrefFor, update } = useKbParams();
  const categories = useCategories();
  const list = useQuery({ ...trpc.kb.list.queryOptions(toKbListInput(params)), placeholderData: keepPreviousData });
  const commitSearch = useCallback((q: string | undefined, options: { replace: boolean }) => update({ q }, options), [update]);
  const filtered = Boolean(params.q || params.category || params.status.length);
  const clear = () => update({ q: undefined, category: undefined, status: [] });
  const total = list.data?.total;

  return (
    <>
      <KbTabs />
      <PageHeader
        title="Knowledge base"
        description={total === undefined ? " " : <span aria-live="polite">{`${total.toLocaleString("en-US")} article${total === 1 ? "" : "s"}${filtered ? " match" : ""}`}</span>}
        actions={can(me.data, "helpdesk", "write") ? <Link href="/helpdesk/kb/new" className={buttonClasses("primary")}>New article</Link> : undefined}
      />
      <section aria-label="Search and filters" className="mb-4 grid gap-3 rounded-lg border border-line bg-surface p-3 sm:p-4 md:grid-cols-[minmax(0,2fr)_repeat(3,minmax(0,1fr))] md:items-end">
        <div>
          <span className={cx(labelClasses, "max-md:sr-only")} aria-hidden="true">Search</span>
          <SearchBox id="kb-search" label="Search articles" placeholder="Search titles and content" value={params.q ?? ""} onCommit={commitSearch} />
        </div>
        <div>
          <label htmlFor="kb-category" className={labelClasses}>Category</label>
          <select id="kb-category" className={inputClasses} value={params.category ?? ""} onChange={(e) => update({ category: e.target.value || undefined })}>
            <option value="">All categories</option>
            {(categories.data ?? []).map((c) => (
              <option key={c.name} value={c.name}>{c.category_name}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="kb-status" className={labelClasses}>Status</label>
          <select id="kb-status" className={inputClasses} value={params.status.length === 1 ? params.status[0] : ""} onChange={(e) => update({ status: e.target.value ? [e.target.value as ArticleStatus] : [] })}>
            <option value="">All statuses</option>
            {ARTICLE_STATUSES.map((s) => (
              <option key={s} value={s}>{s}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="kb-sort" className={labelClasses}>Sort by</label>
          <select id="kb-sort" className={inputClasses} value={params.sort} onChange={(e) => update({ sort: e.target.value as ArticleSort, page: params.page })}>
            {SORTS.map((s) => (
              <option key={s} value={s}>{SORT_LABELS[s]}</option>
            ))}
          </select>
        </div>
      </section>

      {list.isPending ? (
        <div aria-busy="true" aria-label="Loading articles" className="flex flex-col gap-2">
          {Array.from({ length: 5 }, (_, i) => (
            <Skeleton key={i} className="h-16 w-full" />
          ))}
        </div>
      ) : list.error && !list.data ? (
        <ErrorState title={trpcErrorCode(list.error) === "FORBIDDEN" ? "You don't have access to the knowledge base" : "Articles could not be loaded"} action={<Button variant="primary" onClick={() => void list.refetch()}>Try again</Button>} />
      ) : list.data && list.data.rows.length === 0 ? (
        filtered ? (
          <EmptyState title="No articles match" action={<Button onClick={clear}>Clear search and filters</Button>}>Try other words, or fewer filters.</EmptyState>
        ) : (
          <EmptyState title="No articles yet" action={can(me.data, "helpdesk", "write") ? <Link href="/helpdesk/kb/new" className={buttonClasses("primary")}>Write the first article</Link> : undefined}>
            Articles answer common questions for agents and customers.
          </EmptyState>
        )
      ) : list.data ? (
        <div aria-busy={list.isPlaceholderData && list.isFetching} className={cx("transition-opacity", list.isPlaceholderData && list.isFetching && "opacity-60")}>
          <ArticlesTable rows={list.data.rows} categoryLabel={categories.label} />
          <Pagination page={params.page} pageSize={PAGE_SIZE} total={list.data.total} hrefFor={(page) => hrefFor({ page })} onPage={(page) => update({ page })} />
        </div>
      ) : null}
    </>
  );
}
