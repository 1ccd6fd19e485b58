"use client";

import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Button } from "~/components/ui/button";
import { DateTime } from "~/components/ui/date-time";
import { ErrorState } from "~/components/ui/error-state";
import { Skeleton } from "~/components/ui/skeleton";
import { trpcErrorCode } from "~/trpc/error-code";
import { useTRPC } from "~/trpc/react";
import { ArticleFeedback } from "./article-feedback";
import { articleViewInput } from "./kb-params";
import { MarkdownContent } from "./markdown";
import { ArticleStatusBadge } from "./status-badge";
import { useCategories } from "./use-categories";

/**
 * An article as readers see it: title, category, dates, the Markdown rendered safely, and the
 * helpful / not helpful buttons. Embeddable (the portal mounts it too: a contact only ever reaches
 * published articles; anything else is NOT FOUND). `actions` go next to the title (e.g. Edit).
 */
export function ArticleView({ name, actions }: { name: string; actions?: ReactNode }) {
  const trpc = useTRPC();
  const categories = useCategories();
  const query = useQuery({ ...trpc.kb.get.queryOptions(articleViewInput(name)), staleTime: Infinity, refetchOnWindowFocus: false });

  if (query.isPending) {
    return (
      <div aria-busy="true" aria-label="Loading article" className="flex flex-col gap-3">
        <Skeleton className="h-8 w-2/3" />
        <Skeleton className="h-4 w-1/3" />
        <Skeleton className="h-40 w-full" />
      </div>
    );
  }
  if (query.error) {
    const missing = trpcErrorCode(query.error) === "NOT_FOUND";
    return (
      <ErrorState title={missing ? "Article not found" : "The article could not be loaded"} action={missing ? undefined : <Button variant="primary" onClick={() => void query.refetch()}>Try again</Button>}>
        {missing ? "It may have been unpublished, or the link is wrong." : undefined}
      </ErrorState>
    );
  }
  const { article, myVote } = query.data;
  const category = categories.label(article.category);
  return (
    <article className="rounded-lg border border-line bg-surface p-4 sm:p-6">
      <header className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-xl font-semibold tracking-tight text-fg sm:text-2xl">{article.title}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
            {article.status !== "Published" ? <ArticleStatusBadge status={article.status} /> : null}
            {category ? <span>{category}</span> : null}
            {article.published_on ? (
              <span>
                Published <DateTime value={article.published_on} />
              </span>
            ) : null}
            <span>Updated <DateTime value={article.modified} /></span>
            <span>{`${article.views.toLocaleString("en-US")} view${article.views === 1 ? "" : "s"}`}</span>
          </p>
        </div>
        {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
      </header>
      {article.content.trim() ? <MarkdownContent source={article.content} /> : <p className="text-sm text-muted">This article has no content yet.</p>}
      {article.status === "Published" ? <ArticleFeedback name={article.name} myVote={myVote} helpful={article.helpful_count} notHelpful={article.not_helpful_count} /> : null}
    </article>
  );
}
