import type { Metadata } from "next";
import { fromPageSearchParams } from "~/features/clients/list-params";
import { CrmDashboardView } from "~/features/crm/dashboard/dashboard-view";
import { parseDashboardParams, toDashboardInput } from "~/features/crm/dashboard/params";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";

export const metadata: Metadata = { title: "CRM dashboard" };

/** The CRM dashboard, server-rendered with its figures for the URL's range (the charts load after, in their own chunk). */
export default async function CrmDashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = parseDashboardParams(fromPageSearchParams(await searchParams));
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery(trpc.crm.dashboard.queryOptions(toDashboardInput(params)));
  return (
    <HydrateClient>
      <CrmDashboardView />
    </HydrateClient>
  );
}
