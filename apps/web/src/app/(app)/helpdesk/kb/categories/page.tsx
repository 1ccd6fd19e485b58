import type { Metadata } from "next";
import { CategoriesView } from "~/features/helpdesk/kb/categories-view";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";

export const metadata: Metadata = { title: "Article categories" };

export default async function ArticleCategoriesPage() {
  const queryClient = getQueryClient();
  await Promise.all([queryClient.prefetchQuery(trpc.kb.categories.queryOptions()), queryClient.prefetchQuery(trpc.core.me.queryOptions())]);
  return (
    <HydrateClient>
      <CategoriesView />
    </HydrateClient>
  );
}
