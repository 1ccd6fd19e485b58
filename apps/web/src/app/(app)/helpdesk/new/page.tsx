import type { Metadata } from "next";
import { NewTicket } from "~/features/helpdesk/new-ticket";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";

export const metadata: Metadata = { title: "New ticket" };

/** Raise a ticket on a customer's behalf (the server checks helpdesk write and the department). */
export default async function NewTicketPage() {
  const queryClient = getQueryClient();
  await Promise.all([queryClient.prefetchQuery(trpc.helpdeskAgent.catalogues.queryOptions()), queryClient.prefetchQuery(trpc.core.me.queryOptions())]);
  return (
    <HydrateClient>
      <NewTicket />
    </HydrateClient>
  );
}
