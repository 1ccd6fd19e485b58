import type { Metadata } from "next";
import { DealsView } from "~/features/crm/lists/deals-view";
import { CrmListPage } from "~/features/crm/lists/list-page";
import { DEALS_LIST } from "~/features/crm/lists/list-spec";

export const metadata: Metadata = { title: "Deals" };

/** The deals list, server-rendered with its data in the caller's scope (a bare URL opens the default saved view). */
export default function DealsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return (
    <CrmListPage spec={DEALS_LIST} searchParams={searchParams}>
      <DealsView />
    </CrmListPage>
  );
}
