import type { Metadata } from "next";
import { fromPageSearchParams } from "~/features/clients/list-params";
import { parseLeadParams, toLeadListInput } from "~/features/crm/lead-list-params";
import { LeadsView } from "~/features/crm/leads-view";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";

export const metadata: Metadata = { title: "Leads" };

/** The leads list, server-rendered with its data (list and catalogues prefetched in the caller's scope). */
export default async function LeadsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = parseLeadParams(fromPageSearchParams(await searchParams));
  const queryClient = getQueryClient();
  await Promise.all([queryClient.prefetchQuery(trpc.crm.leads.list.queryOptions(toLeadListInput(params))), queryClient.prefetchQuery(trpc.crm.catalogues.queryOptions())]);
  return (
    <HydrateClient>
      <LeadsView />
    </HydrateClient>
  );
}
