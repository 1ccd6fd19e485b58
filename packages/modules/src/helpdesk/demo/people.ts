/**
 * The helpdesk's demo people: two agents, and one portal login per demo customer. Kept apart from
 * the six staff demo users (DESIGN §3), which the e2e role tables enumerate as such.
 */
export const helpdeskDemoAgents = [
  { email: "agent@demo.orchestrator.test", fullName: "Alex Agent", skills: ["type:Access", "type:Scheduling", "lang:en"] },
  { email: "agent2@demo.orchestrator.test", fullName: "Blake Agent", skills: ["type:Billing", "type:Clinical records", "lang:en", "lang:es"] },
] as const;

export const helpdeskDemoCustomers = [
  { name: "Northwind Recovery Partners", domain: "northwind.example", portal: { email: "portal@northwind.example", first: "Nora", last: "Northwind" }, others: [["Nate", "Ng", "nate.ng@northwind.example", "+1 415 555 0134"]] },
  { name: "Harbor Family Services", domain: "harbor.example", portal: { email: "portal@harbor.example", first: "Hugo", last: "Harbor" }, others: [["Hana", "Haddad", "hana@harbor.example", "+1 617 555 0188"]] },
] as const;

/** Where the demo helpdesk files its tickets. */
export const HELPDESK_DEMO_DEPARTMENT = "Administration";
export const HELPDESK_DEMO_TEAM = "Front Desk";
export const HELPDESK_DEMO_SLA = "Standard Support";
