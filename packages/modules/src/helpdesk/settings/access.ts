import { TRPCError } from "@trpc/server";
import { canRead, canWrite, grantFor, writeScopeOf, type Principal } from "@orchestrator/db";
import { protectedProcedure } from "../../trpc/procedures";

/** Staff who read the helpdesk may look at its configuration; portal contacts (`own_customer`) may not. */
export function canReadHelpdeskSettings(principal: Principal): boolean {
  return canRead(principal, "helpdesk") && grantFor(principal, "helpdesk").scope !== "own_customer";
}

/**
 * Changing the configuration (SLAs, escalations, teams, agents, catalogues) affects every ticket in
 * every department: it needs `helpdesk` write on all records, not a department's agent grant.
 */
export function canEditHelpdeskSettings(principal: Principal): boolean {
  return canWrite(principal, "helpdesk") && writeScopeOf(grantFor(principal, "helpdesk")) === "all";
}

/**
 * These guards only answer early (FORBIDDEN) and grant nothing: every read and write still goes
 * through the caller's ScopedDb, which checks and audits it (like the admin router's guard).
 */
export const settingsReadProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (!canReadHelpdeskSettings(ctx.principal)) throw new TRPCError({ code: "FORBIDDEN", message: "Helpdesk settings need helpdesk read access" });
  return next();
});

export const settingsWriteProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (!canEditHelpdeskSettings(ctx.principal)) throw new TRPCError({ code: "FORBIDDEN", message: "Changing helpdesk settings needs helpdesk write access on all records" });
  return next();
});
