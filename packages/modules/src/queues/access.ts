import { AppError, canWrite, grantFor, type Principal, type RequestMeta } from "@orchestrator/db";

/** Who acts on the queues, and the request the audit rows point back to. */
export interface QueueActor {
  principal: Principal;
  meta: RequestMeta;
}

/**
 * Queue administration is for whoever may change the `admin` category on all records (a Super
 * Admin): the same rule as the admin router's guard. Checked again here because these services touch
 * Redis, not scoped documents, so no data layer check stands behind them. Fails closed.
 */
export function assertQueueAdmin(principal: Principal): void {
  const grant = grantFor(principal, "admin");
  if (!canWrite(principal, "admin") || (grant.writeScope ?? grant.scope) !== "all") throw AppError.forbidden("Queue administration needs the admin write permission");
}
