import { isCustomerScoped, systemPrincipal, type ScopedDb } from "@orchestrator/db";

/**
 * The helpdesk's own hand, in the caller's transaction: the SLA, assignment, activity and thread
 * bookkeeping a portal contact's action causes, which the contact may not do (or read) directly.
 * Staff callers keep their own scope.
 */
export function helpdeskService(caller: ScopedDb): ScopedDb {
  return isCustomerScoped(caller.principal, "helpdesk") ? caller.actingAs(systemPrincipal("helpdesk portal")) : caller;
}
