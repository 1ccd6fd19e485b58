import type { Metadata } from "next";
import { CrmListPage } from "~/features/crm/lists/list-page";
import { LEADS_LIST } from "~/features/crm/lists/list-spec";
import { LeadsView } from "~/features/crm/lists/leads-view";

export const metadata: Metadata = { title: "Leads" };

/** The leads list, server-rendered with its data in the caller's scope (a bare URL opens the default saved view). */
export default function LeadsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return (
    <CrmListPage spec={LEADS_LIST} searchParams={searchParams}>
      <LeadsView />
    </CrmListPage>
  );
}
