import type { Metadata } from "next";
import { TicketPage } from "~/features/helpdesk/ticket-page";
import { decodeSegment } from "~/lib/route-segment";
import { loadOrNotFound } from "~/server/session";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeSegment((await params).name) };
}

/** One ticket, loaded on the server; not found — out of the agent's scope included — is a plain 404. */
export default async function HelpdeskTicketPage({ params }: Props) {
  const name = decodeSegment((await params).name);
  const queryClient = getQueryClient();
  void queryClient.prefetchQuery(trpc.helpdeskAgent.catalogues.queryOptions());
  void queryClient.prefetchQuery(trpc.core.me.queryOptions());
  await loadOrNotFound(() => queryClient.fetchQuery(trpc.helpdeskAgent.ticket.queryOptions({ name })));
  return (
    <HydrateClient>
      <TicketPage name={name} />
    </HydrateClient>
  );
}
