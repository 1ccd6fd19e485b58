import type { Metadata } from "next";
import { ArticlePage } from "~/features/helpdesk/kb/article-page";
import { articleEditInput, articleViewInput } from "~/features/helpdesk/kb/kb-params";
import { decodeSegment } from "~/lib/route-segment";
import { loadOrNotFound } from "~/server/session";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";

type Props = { params: Promise<{ name: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeSegment((await params).name) };
}

/**
 * An article: read (counts a view) or, with `?edit=1`, edited (does not). Loaded on the server and
 * handed to the client cache; not found — including a draft out of the reader's scope — is the
 * plain not-found page.
 */
export default async function KnowledgeBaseArticlePage({ params, searchParams }: Props) {
  const name = decodeSegment((await params).name);
  const editing = (await searchParams).edit === "1";
  const queryClient = getQueryClient();
  void queryClient.prefetchQuery(trpc.kb.categories.queryOptions());
  void queryClient.prefetchQuery(trpc.core.me.queryOptions());
  await loadOrNotFound(() => queryClient.fetchQuery(trpc.kb.get.queryOptions(editing ? articleEditInput(name) : articleViewInput(name))));
  return (
    <HydrateClient>
      <ArticlePage name={name} />
    </HydrateClient>
  );
}
