import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { fromPageSearchParams, isBareRequest } from "~/features/clients/list-params";
import { normalizeViewQuery, parseListParams, toListInput } from "~/features/helpdesk/list-params";
import { TicketsView } from "~/features/helpdesk/tickets-view";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";

export const metadata: Metadata = { title: "Helpdesk" };

/**
 * The agent ticket list, server-rendered with its data (list, catalogues, the user and their saved
 * views prefetched through tRPC in the caller's scope). A bare `/helpdesk` opens the user's default
 * saved view, answered with a redirect as on the Clients list.
 */
export default async function HelpdeskPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const record = await searchParams;
  const queryClient = getQueryClient();
  const viewsQuery = trpc.views.list.queryOptions({ list: "helpdesk" });
  if (isBareRequest(record)) {
    const views = await queryClient.fetchQuery(viewsQuery).catch(() => []);
    const query = views.find((v) => v.isDefault)?.query;
    const target = query ? normalizeViewQuery(query) : "";
    if (target) redirect(`/helpdesk?${target}`);
  }
  const params = parseListParams(fromPageSearchParams(record));
  const me = await queryClient.fetchQuery(trpc.core.me.queryOptions()).catch(() => undefined);
  await Promise.all([
    queryClient.prefetchQuery(trpc.helpdeskAgent.tickets.queryOptions(toListInput(params, me?.user))),
    queryClient.prefetchQuery(trpc.helpdeskAgent.catalogues.queryOptions()),
    queryClient.prefetchQuery(viewsQuery),
  ]);
  return (
    <HydrateClient>
      <TicketsView />
    </HydrateClient>
  );
}
