import type { Metadata } from "next";
import { REVIEW_PAGE } from "~/features/admin/integrations/format";
import { DuplicatesView } from "~/features/admin/integrations/duplicates-view";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";

export const metadata: Metadata = { title: "Possible duplicates" };

export default async function Page() {
  await getQueryClient().prefetchQuery(trpc.sync.duplicates.queryOptions({ start: 0, limit: REVIEW_PAGE }));
  return (
    <HydrateClient>
      <DuplicatesView />
    </HydrateClient>
  );
}
