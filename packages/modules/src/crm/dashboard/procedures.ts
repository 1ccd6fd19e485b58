import { protectedProcedure } from "../../trpc/procedures";
import { loadCrmDashboard } from "./load";
import { crmDashboardInput, crmDashboardOutput } from "./schemas";

/** The CRM dashboard procedure of the CRM router. */
export const dashboardProcedures = {
  /** Leads by source, conversion, open pipeline by stage, won/lost over time, days to close and the weighted forecast, in the caller's scope. */
  dashboard: protectedProcedure.input(crmDashboardInput).output(crmDashboardOutput).query(({ ctx, input }) => loadCrmDashboard(ctx.scoped, input)),
};
