import type { Metadata } from "next";
import { SourcesView } from "~/features/admin/integrations/sources-view";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";

export const metadata: Metadata = { title: "Integrations" };

/** The sources (status and last run, from the database: no call to Kipu) are prefetched for the first paint. */
export default async function Page() {
  await getQueryClient().prefetchQuery(trpc.sync.sources.queryOptions());
  return (
    <HydrateClient>
      <SourcesView />
    </HydrateClient>
  );
}
