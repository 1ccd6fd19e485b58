import type { RouterOutputs } from "@orchestrator/modules";

type Grants = RouterOutputs["core"]["me"]["grants"];

export type NavIcon = "clients" | "helpdesk" | "crm";

export interface NavItem {
  href: string;
  label: string;
  icon: NavIcon;
}

/** Every module page, with the data category a user must be able to read to use it. */
const modules: (NavItem & { requires: string; write?: true; staffOnly?: true })[] = [
  { href: "/clients", label: "Clients", icon: "clients", requires: "client" },
  // The agent desk: not for portal contacts (an `own_customer` grant), whose pages are under /portal.
  { href: "/helpdesk", label: "Helpdesk", icon: "helpdesk", requires: "helpdesk", staffOnly: true },
  // The CRM (leads, pipeline, deals): for users who read the crm category; not for portal contacts.
  { href: "/crm", label: "CRM", icon: "crm", requires: "crm", staffOnly: true },
  // Administration is for users who may change the `admin` category (a Super Admin).
  { href: "/admin", label: "Administration", icon: "clients", requires: "admin", write: true },
];

/** The navigation for this user: modules they cannot use are absent, not disabled. */
export function navItemsFor(grants: Grants): NavItem[] {
  return modules
    .filter((m) => !(m.staffOnly && grants[m.requires]?.scope === "own_customer"))
    .filter((m) => (m.write ? grants[m.requires]?.write === true && grants[m.requires]?.scope === "all" : grants[m.requires]?.read === true))
    .map(({ href, label, icon }) => ({ href, label, icon }));
}
