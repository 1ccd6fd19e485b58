import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TicketPage } from "~/features/helpdesk/ticket-page";
import { decodeSegment } from "~/lib/route-segment";
import { withSession } from "~/server/session";
import { trpcErrorCode } from "~/trpc/error-code";
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
  try {
    await withSession(() => queryClient.fetchQuery(trpc.helpdeskAgent.ticket.queryOptions({ name })));
  } catch (error) {
    const code = trpcErrorCode(error);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") notFound();
    throw error;
  }
  return (
    <HydrateClient>
      <TicketPage name={name} />
    </HydrateClient>
  );
}
