"use client";

import Link from "next/link";
import { buttonClasses } from "~/components/ui/button";
import { useDealCells } from "./list-cells";
import { DEALS_LIST } from "./list-spec";
import { CrmListView } from "./list-view";

/** The deals list (/crm/deals); deals are made by converting a lead, and moved on the pipeline board. */
export function DealsView() {
  const cells = useDealCells();
  return <CrmListView spec={DEALS_LIST} cells={cells} actions={<Link href="/crm/pipeline" className={buttonClasses("secondary")}>Pipeline board</Link>} />;
}
