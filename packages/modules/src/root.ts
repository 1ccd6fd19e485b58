import { adminRouter } from "./admin/router";
import { clientsRouter } from "./clients/router";
import { coreRouter } from "./core/router";
import { crmRouter } from "./crm/router";
import { helpdeskAgentRouter } from "./helpdesk/agent-router";
import { helpdeskRouter } from "./helpdesk/router";
import { kbRouter } from "./helpdesk/kb/router";
import { portalRouter } from "./helpdesk/portal/router";
import { helpdeskSettingsRouter } from "./helpdesk/settings/router";
import { queuesRouter } from "./queues/router";
import { syncRouter } from "./sync/router";
import { createCallerFactory, createTRPCRouter } from "./trpc/init";
import { viewsRouter } from "./views/router";

/** One router per module, composed here (create-t3-turbo's root.ts). */
export const appRouter = createTRPCRouter({
  core: coreRouter,
  clients: clientsRouter,
  admin: adminRouter,
  views: viewsRouter,
  queues: queuesRouter,
  sync: syncRouter,
  helpdesk: helpdeskRouter,
  kb: kbRouter,
  portal: portalRouter,
  helpdeskAgent: helpdeskAgentRouter,
  helpdeskSettings: helpdeskSettingsRouter,
  crm: crmRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
