"use client";

import Link from "next/link";
import { buttonClasses } from "~/components/ui/button";
import { leadCells } from "./list-cells";
import { LEADS_LIST } from "./list-spec";
import { CrmListView } from "./list-view";

/** The leads list (/crm/leads). */
export function LeadsView() {
  return <CrmListView spec={LEADS_LIST} cells={leadCells} actions={<Link href="/crm/leads/new" className={buttonClasses("primary")}>New lead</Link>} />;
}
