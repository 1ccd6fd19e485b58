import type { RouterOutputs } from "@orchestrator/modules";

type Grants = RouterOutputs["core"]["me"]["grants"];

export type NavIcon = "clients";

export interface NavItem {
  href: string;
  label: string;
  icon: NavIcon;
}

/** Every module page, with the data category a user must be able to read to use it. */
const modules: (NavItem & { requires: string })[] = [{ href: "/clients", label: "Clients", icon: "clients", requires: "client" }];

/** The navigation for this user: modules they cannot use are absent, not disabled. */
export function navItemsFor(grants: Grants): NavItem[] {
  return modules.filter((m) => grants[m.requires]?.read === true).map(({ href, label, icon }) => ({ href, label, icon }));
}
