export { seedHelpdeskDemo } from "./seed";
export { helpdeskDemoAgents, helpdeskDemoCustomers, HELPDESK_DEMO_DEPARTMENT, HELPDESK_DEMO_TEAM, HELPDESK_DEMO_SLA } from "./people";
