import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ClientsView } from "~/features/clients/clients-view";
import { fromPageSearchParams, isBareRequest, normalizeViewQuery, parseListParams, toListInput } from "~/features/clients/list-params";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";

export const metadata: Metadata = { title: "Clients" };

/**
 * Server-renders the first view with data: the list for the URL's view state, the filter options
 * and the user's saved views are prefetched through tRPC (the caller's scope) and handed to the
 * client cache. A bare `/clients` opens the user's default saved view: resolved here and answered
 * with a redirect, so the plain list never shows first.
 */
export default async function ClientsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const record = await searchParams;
  const queryClient = getQueryClient();
  const viewsQuery = trpc.views.list.queryOptions({ list: "clients" });
  if (isBareRequest(record)) {
    // A failure to load the views is not the list's failure: show the plain list (the menu retries).
    const views = await queryClient.fetchQuery(viewsQuery).catch(() => []);
    const query = views.find((v) => v.isDefault)?.query;
    // Re-serialised through the list's own parser: only list parameters ever reach the URL.
    const target = query ? normalizeViewQuery(query) : "";
    if (target) redirect(`/clients?${target}`);
  }
  const params = parseListParams(fromPageSearchParams(record));
  // prefetchQuery never throws: a failure is left for the client, which shows the error state
  // (or, for an ended session, goes to sign-in).
  await Promise.all([
    queryClient.prefetchQuery(trpc.clients.list.queryOptions(toListInput(params))),
    queryClient.prefetchQuery(trpc.core.options.queryOptions()),
    queryClient.prefetchQuery(trpc.core.me.queryOptions()),
    queryClient.prefetchQuery(viewsQuery),
  ]);
  return (
    <HydrateClient>
      <ClientsView />
    </HydrateClient>
  );
}
