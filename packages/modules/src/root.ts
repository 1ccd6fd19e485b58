import { adminRouter } from "./admin/router";
import { clientsRouter } from "./clients/router";
import { coreRouter } from "./core/router";
import { createCallerFactory, createTRPCRouter } from "./trpc/init";

/** One router per module, composed here (create-t3-turbo's root.ts). */
export const appRouter = createTRPCRouter({
  core: coreRouter,
  clients: clientsRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
