import { AppError, syncOperatorRoles, type Principal } from "@orchestrator/db";

/** Super Admin and the Integration service role run, review and roll back syncs (issue 4 §6). */
export function isSyncOperator(principal: Principal): boolean {
  return principal.system === true || principal.roles.some((role) => syncOperatorRoles.includes(role));
}

export function assertSyncOperator(principal: Principal): void {
  if (!isSyncOperator(principal)) throw AppError.forbidden("Only a Super Admin or the Integration role may run, review or roll back syncs");
}
