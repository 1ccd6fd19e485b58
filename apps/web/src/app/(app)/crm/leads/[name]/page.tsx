import type { Metadata } from "next";
import { LeadPage } from "~/features/crm/lead-page";
import { decodeSegment } from "~/lib/route-segment";
import { loadOrNotFound } from "~/server/session";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeSegment((await params).name) };
}

/** One lead, loaded on the server; not found — out of the user's teams included — is a plain 404. */
export default async function CrmLeadPage({ params }: Props) {
  const name = decodeSegment((await params).name);
  const queryClient = getQueryClient();
  void queryClient.prefetchQuery(trpc.crm.catalogues.queryOptions());
  await loadOrNotFound(() => queryClient.fetchQuery(trpc.crm.leads.get.queryOptions({ name })));
  return (
    <HydrateClient>
      <LeadPage name={name} />
    </HydrateClient>
  );
}
