import type { RouterOutputs } from "@orchestrator/modules";

type Grants = RouterOutputs["core"]["me"]["grants"];

export type NavIcon = "clients";

export interface NavItem {
  href: string;
  label: string;
  icon: NavIcon;
}

/** Every module page, with the data category a user must be able to read to use it. */
const modules: (NavItem & { requires: string; write?: true })[] = [
  { href: "/clients", label: "Clients", icon: "clients", requires: "client" },
  // Administration is for users who may change the `admin` category (a Super Admin).
  { href: "/admin", label: "Administration", icon: "clients", requires: "admin", write: true },
];

/** The navigation for this user: modules they cannot use are absent, not disabled. */
export function navItemsFor(grants: Grants): NavItem[] {
  return modules.filter((m) => (m.write ? grants[m.requires]?.write === true && grants[m.requires]?.scope === "all" : grants[m.requires]?.read === true)).map(({ href, label, icon }) => ({ href, label, icon }));
}
