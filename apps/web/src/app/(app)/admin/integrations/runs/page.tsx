import type { Metadata } from "next";
import { fromRecord, runsInput } from "~/features/admin/integrations/runs-params";
import { RunsView } from "~/features/admin/integrations/runs-view";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";

export const metadata: Metadata = { title: "Sync runs" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await getQueryClient().prefetchQuery(trpc.sync.runs.queryOptions(runsInput(fromRecord(await searchParams))));
  return (
    <HydrateClient>
      <RunsView />
    </HydrateClient>
  );
}
