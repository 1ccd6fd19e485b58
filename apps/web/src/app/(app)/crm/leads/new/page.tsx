import type { Metadata } from "next";
import { NewLead } from "~/features/crm/new-lead";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";

export const metadata: Metadata = { title: "New lead" };

export default function NewLeadPage() {
  void getQueryClient().prefetchQuery(trpc.crm.catalogues.queryOptions());
  return (
    <HydrateClient>
      <NewLead />
    </HydrateClient>
  );
}
