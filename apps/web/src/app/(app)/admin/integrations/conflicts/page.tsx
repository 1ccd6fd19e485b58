import type { Metadata } from "next";
import { REVIEW_PAGE } from "~/features/admin/integrations/format";
import { ConflictsView } from "~/features/admin/integrations/conflicts-view";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";

export const metadata: Metadata = { title: "Sync conflicts" };

export default async function Page() {
  await getQueryClient().prefetchQuery(trpc.sync.conflicts.queryOptions({ start: 0, limit: REVIEW_PAGE }));
  return (
    <HydrateClient>
      <ConflictsView />
    </HydrateClient>
  );
}
