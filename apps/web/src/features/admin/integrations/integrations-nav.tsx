import { SectionTabs } from "~/components/ui/section-tabs";

const sections = [
  { href: "/admin/integrations", label: "Sources" },
  { href: "/admin/integrations/runs", label: "Runs" },
  { href: "/admin/integrations/conflicts", label: "Conflicts" },
  { href: "/admin/integrations/duplicates", label: "Duplicates" },
];

/** Sub-pages of Integrations (inside Administration: admins only). */
export function IntegrationsNav() {
  return <SectionTabs label="Integrations" tabs={sections} />;
}
