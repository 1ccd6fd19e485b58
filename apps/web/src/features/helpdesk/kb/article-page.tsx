"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { buttonClasses } from "~/components/ui/button";
import { ErrorState } from "~/components/ui/error-state";
import { ChevronLeftIcon } from "~/components/ui/icons";
import { Skeleton } from "~/components/ui/skeleton";
import { can, useMe } from "~/lib/use-me";
import { useSearchParams } from "~/lib/navigation";
import { useTRPC } from "~/trpc/react";
import { ArticleEditor } from "./article-editor";
import { ArticleView } from "./article-view";
import { articleEditInput, articleHref } from "./kb-params";
import { KbTabs } from "./kb-tabs";

/** /helpdesk/kb/[name]: the article as readers see it, or (`?edit=1`, for writers) its editor. */
export function ArticlePage({ name }: { name: string }) {
  const me = useMe();
  const editing = useSearchParams().get("edit") === "1" && can(me.data, "helpdesk", "write");
  return (
    <>
      <KbTabs />
      <Link href="/helpdesk/kb" className="mb-3 inline-flex min-h-11 items-center gap-1 text-sm text-muted hover:text-fg sm:min-h-10">
        <ChevronLeftIcon />
        All articles
      </Link>
      {editing ? (
        <EditArticle name={name} />
      ) : (
        <ArticleView name={name} actions={can(me.data, "helpdesk", "write") ? <Link href={articleHref(name, true)} className={buttonClasses("secondary")}>Edit</Link> : undefined} />
      )}
    </>
  );
}

function EditArticle({ name }: { name: string }) {
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.kb.get.queryOptions(articleEditInput(name)), staleTime: 0, refetchOnWindowFocus: false });
  if (query.isPending) return <Skeleton className="h-96 w-full" />;
  if (query.error) return <ErrorState title="The article could not be loaded" />;
  // The editor keeps its own state from the first load: a refetch never resets what the user typed.
  return <ArticleEditor key={name} article={query.data.article} />;
}
