import type { Metadata } from "next";
import { NewArticle } from "~/features/helpdesk/kb/new-article";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";

export const metadata: Metadata = { title: "New article" };

/** Write an article (saved as a draft). Only users with helpdesk write can save; the server checks. */
export default async function NewArticlePage() {
  const queryClient = getQueryClient();
  await Promise.all([queryClient.prefetchQuery(trpc.kb.categories.queryOptions()), queryClient.prefetchQuery(trpc.core.me.queryOptions())]);
  return (
    <HydrateClient>
      <NewArticle />
    </HydrateClient>
  );
}
