import { TRPCError } from "@trpc/server";
import { AppError, AppErrorCode, safeErrorSummary } from "@orchestrator/db";
import { t } from "./init";
import { errorMap, toAppError } from "../errors";

/** Turns AppErrors from services into TRPCErrors with the mapped code; the formatter adds field errors. */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause ?? result.error;
    if (result.error.code === "INTERNAL_SERVER_ERROR" && !(cause instanceof TRPCError)) {
      const app = toAppError(cause);
      if (app.code === AppErrorCode.Internal) console.error(JSON.stringify({ level: "error", msg: "procedure failed", error: safeErrorSummary(cause) }));
      throw new TRPCError({ code: errorMap[app.code].trpc, message: app.message, cause: app });
    }
  }
  return result;
});

export const publicProcedure = t.procedure.use(appErrors);

/** Narrows the context: a signed-in principal and its ScopedDb are guaranteed below this point. */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.principal || !ctx.scoped) {
    const app = ctx.authError instanceof AppError ? ctx.authError : new AppError(AppErrorCode.Unauthenticated, "Sign in to continue");
    throw new TRPCError({ code: "UNAUTHORIZED", message: app.message, cause: app });
  }
  return next({ ctx: { ...ctx, principal: ctx.principal, scoped: ctx.scoped } });
});
