import type { Metadata } from "next";
import { ArticlesView } from "~/features/helpdesk/kb/articles-view";
import { fromPageSearchParams, parseKbParams, toKbListInput } from "~/features/helpdesk/kb/kb-params";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";

export const metadata: Metadata = { title: "Knowledge base" };

/** The article list for the URL's view state, its categories and the user, prefetched through tRPC (the caller's scope). */
export default async function KnowledgeBasePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = parseKbParams(fromPageSearchParams(await searchParams));
  const queryClient = getQueryClient();
  // prefetchQuery never throws: a failure is left to the client's error state.
  await Promise.all([queryClient.prefetchQuery(trpc.kb.list.queryOptions(toKbListInput(params))), queryClient.prefetchQuery(trpc.kb.categories.queryOptions()), queryClient.prefetchQuery(trpc.core.me.queryOptions())]);
  return (
    <HydrateClient>
      <ArticlesView />
    </HydrateClient>
  );
}
