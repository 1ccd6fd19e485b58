import type { Metadata } from "next";
import { ClientsView } from "~/features/clients/clients-view";
import { fromPageSearchParams, parseListParams, toListInput } from "~/features/clients/list-params";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";

export const metadata: Metadata = { title: "Clients" };

/**
 * Server-renders the first view with data: the list for the URL's view state and the filter
 * options are prefetched through tRPC (the caller's scope) and handed to the client cache.
 */
export default async function ClientsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = parseListParams(fromPageSearchParams(await searchParams));
  const queryClient = getQueryClient();
  // prefetchQuery never throws: a failure is left for the client, which shows the error state
  // (or, for an ended session, goes to sign-in).
  await Promise.all([queryClient.prefetchQuery(trpc.clients.list.queryOptions(toListInput(params))), queryClient.prefetchQuery(trpc.core.options.queryOptions()), queryClient.prefetchQuery(trpc.core.me.queryOptions())]);
  return (
    <HydrateClient>
      <ClientsView />
    </HydrateClient>
  );
}
