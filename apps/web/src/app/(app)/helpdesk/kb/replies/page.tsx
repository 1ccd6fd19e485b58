import type { Metadata } from "next";
import { fromPageSearchParams } from "~/features/helpdesk/kb/kb-params";
import { repliesInput } from "~/features/helpdesk/kb/replies-params";
import { SavedRepliesView } from "~/features/helpdesk/kb/saved-replies-view";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";

export const metadata: Metadata = { title: "Saved replies" };

export default async function SavedRepliesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const input = repliesInput(fromPageSearchParams(await searchParams));
  const queryClient = getQueryClient();
  await Promise.all([queryClient.prefetchQuery(trpc.kb.replies.queryOptions(input)), queryClient.prefetchQuery(trpc.kb.teams.queryOptions()), queryClient.prefetchQuery(trpc.core.me.queryOptions())]);
  return (
    <HydrateClient>
      <SavedRepliesView />
    </HydrateClient>
  );
}
