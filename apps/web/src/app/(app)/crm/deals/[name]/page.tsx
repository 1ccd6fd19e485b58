import type { Metadata } from "next";
import { ORGANIZATIONS_INPUT } from "~/features/crm/pipeline/board-input";
import { DealPage } from "~/features/crm/deal-page";
import { decodeSegment } from "~/lib/route-segment";
import { loadOrNotFound } from "~/server/session";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeSegment((await params).name) };
}

/** One deal with its contact, stage history and activity; not found — out of the user's teams included — is a plain 404. */
export default async function CrmDealPage({ params }: Props) {
  const name = decodeSegment((await params).name);
  const queryClient = getQueryClient();
  void queryClient.prefetchQuery(trpc.crm.catalogues.queryOptions());
  void queryClient.prefetchQuery(trpc.core.me.queryOptions());
  void queryClient.prefetchQuery(trpc.crm.organizations.list.queryOptions(ORGANIZATIONS_INPUT));
  await loadOrNotFound(() => queryClient.fetchQuery(trpc.crm.dealView.queryOptions({ name })));
  return (
    <HydrateClient>
      <DealPage name={name} />
    </HydrateClient>
  );
}
