"use client";

import { SectionTabs } from "~/components/ui/section-tabs";

const tabs = [
  { href: "/crm/leads", label: "Leads" },
  { href: "/crm/deals", label: "Deals" },
  { href: "/crm/pipeline", label: "Pipeline" },
  { href: "/crm/my-day", label: "My day" },
  { href: "/crm/dashboard", label: "Dashboard" },
  { href: "/crm/import", label: "Import" },
];

/** The CRM's own sections, under its page titles. */
export function CrmNav() {
  return <SectionTabs label="CRM" tabs={tabs} />;
}
