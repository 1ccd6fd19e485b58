import { SectionTabs } from "~/components/ui/section-tabs";

const sections = [
  { href: "/admin/users", label: "Users" },
  { href: "/admin/departments", label: "Departments" },
  { href: "/admin/permissions", label: "Permissions" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/queues", label: "Queues" },
  { href: "/admin/integrations", label: "Integrations" },
];

/** Section tabs of Administration (admins only: the layout shows "not found" to anyone else). */
export function AdminNav() {
  return <SectionTabs label="Administration" tabs={sections} />;
}
