import type { Metadata } from "next";
import { RunDetail } from "~/features/admin/integrations/run-detail";
import { runInput } from "~/features/admin/integrations/run-params";
import { fromRecord } from "~/features/admin/integrations/runs-params";
import { decodeSegment } from "~/lib/route-segment";
import { loadOrNotFound } from "~/server/session";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";

type Props = { params: Promise<{ run: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Sync run ${decodeSegment((await params).run)}` };
}

/** The run and the first page of its changes, loaded on the server; an unknown run is the not-found page. */
export default async function Page({ params, searchParams }: Props) {
  const run = decodeSegment((await params).run);
  const input = runInput(run, fromRecord(await searchParams));
  await loadOrNotFound(() => getQueryClient().fetchQuery(trpc.sync.run.queryOptions(input)));
  return (
    <HydrateClient>
      <RunDetail name={run} />
    </HydrateClient>
  );
}
