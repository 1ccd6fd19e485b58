/** The CRM's demo people and teams: a salesperson per team and a manager of both. */
export const crmDemoTeams = ["East Coast", "West Coast"] as const;

export const crmDemoUsers = [
  { email: "sales@demo.orchestrator.test", fullName: "Sasha Sales", role: "Sales User", team: "East Coast" },
  { email: "sales2@demo.orchestrator.test", fullName: "Robin Reps", role: "Sales User", team: "West Coast" },
  { email: "salesmanager@demo.orchestrator.test", fullName: "Morgan Manager", role: "Sales Manager", team: null },
] as const;

export const CRM_DEMO_MANAGER = "salesmanager@demo.orchestrator.test";
