import "server-only";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { fromPageSearchParams, isBareRequest } from "~/features/clients/list-params";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";
import { ORGANIZATIONS_INPUT } from "../pipeline/board-input";
import { normalizeViewQuery, parseListParams, toGroupsInput, toListInput } from "./list-params";
import type { ListSpec } from "./list-spec";

/**
 * Server-renders a CRM list with its data: the page (and its group counts when grouped), catalogues
 * and the user's saved views prefetched through tRPC in the caller's scope. A bare list URL opens the
 * user's default saved view, answered with a redirect as on the Clients list.
 */
export async function CrmListPage({ spec, searchParams, children }: { spec: ListSpec; searchParams: Promise<Record<string, string | string[] | undefined>>; children: ReactNode }) {
  const record = await searchParams;
  const queryClient = getQueryClient();
  const viewsQuery = trpc.views.list.queryOptions({ list: spec.savedViews });
  if (isBareRequest(record)) {
    // A failure to load the views is not the list's failure: show the plain list (the menu retries).
    const views = await queryClient.fetchQuery(viewsQuery).catch(() => []);
    const query = views.find((v) => v.isDefault)?.query;
    const target = query ? normalizeViewQuery(spec, query) : "";
    if (target) redirect(`${spec.path}?${target}`);
  }
  const params = parseListParams(spec, fromPageSearchParams(record));
  const groupsInput = toGroupsInput(spec, params);
  const router = trpc.crm[spec.key];
  await Promise.all([
    queryClient.prefetchQuery(router.list.queryOptions(toListInput(spec, params))),
    groupsInput ? queryClient.prefetchQuery(router.groups.queryOptions(groupsInput)) : null,
    queryClient.prefetchQuery(trpc.crm.catalogues.queryOptions()),
    queryClient.prefetchQuery(viewsQuery),
    spec.key === "deals" ? queryClient.prefetchQuery(trpc.crm.organizations.list.queryOptions(ORGANIZATIONS_INPUT)) : null,
  ]);
  return <HydrateClient>{children}</HydrateClient>;
}
