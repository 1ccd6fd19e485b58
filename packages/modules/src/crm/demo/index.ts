export { seedCrmDemo } from "./seed";
export { crmDemoTeams, crmDemoUsers, CRM_DEMO_MANAGER } from "./people";
