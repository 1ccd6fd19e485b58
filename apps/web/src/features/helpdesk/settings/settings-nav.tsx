import { SectionTabs } from "~/components/ui/section-tabs";

const sections = [
  { href: "/helpdesk/settings", label: "Overview" },
  { href: "/helpdesk/settings/sla", label: "SLA policies" },
  { href: "/helpdesk/settings/escalation", label: "Escalation" },
  { href: "/helpdesk/settings/teams", label: "Teams" },
  { href: "/helpdesk/settings/agents", label: "Agents" },
  { href: "/helpdesk/settings/catalogues", label: "Types, priorities & statuses" },
];

/** Section tabs of the helpdesk settings (scrolls sideways on phones). */
export function SettingsNav() {
  return <SectionTabs label="Helpdesk settings" tabs={sections} />;
}
