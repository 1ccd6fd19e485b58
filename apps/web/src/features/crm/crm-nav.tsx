"use client";

import { SectionTabs } from "~/components/ui/section-tabs";

/** The CRM's own sections, under its page titles. */
export function CrmNav() {
  return <SectionTabs label="CRM" tabs={[{ href: "/crm/leads", label: "Leads" }, { href: "/crm/pipeline", label: "Pipeline" }]} />;
}
