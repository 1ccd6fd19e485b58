import type { Metadata } from "next";
import { ClientDetail } from "~/features/clients/client-detail";
import { decodeSegment } from "~/lib/route-segment";
import { loadOrNotFound } from "~/server/session";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";

type Props = { params: Promise<{ name: string }> };

// The record id, not the client's name: page titles end up in browser history and tab lists.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeSegment((await params).name) };
}

/**
 * Loads the client through `clients.summary` (the same scoped get, plus open task count and
 * recent activity) on the server and hands it to the client cache. Not found — including out of
 * the user's scope, which the data layer reports the same way — renders the plain not-found page.
 */
export default async function ClientPage({ params }: Props) {
  const name = decodeSegment((await params).name);
  const queryClient = getQueryClient();
  // Labels for departments, templates and programs: streamed to the client, not waited for.
  void queryClient.prefetchQuery(trpc.core.options.queryOptions());
  void queryClient.prefetchQuery(trpc.core.me.queryOptions());
  await loadOrNotFound(() => queryClient.fetchQuery(trpc.clients.summary.queryOptions({ name })));
  return (
    <HydrateClient>
      <ClientDetail name={name} />
    </HydrateClient>
  );
}
