import { grantFor, systemPrincipal, type Category, type Principal, type ScopedDb } from "@orchestrator/db";

/**
 * The CRM's named elevations, each in the caller's transaction and audited under a named actor.
 * - `crmBookkeeping`: the assignment rule's cursor on the CRM Team and the open-lead counts it
 *   balances on (a sales user reads teams as a catalogue and cannot write them).
 * - `actingWith`: the caller themself with one more category grant, for the hand-offs the CRM makes
 *   on their behalf (the Contact a conversion creates, the pending Client an admission creates), so
 *   those Version rows name the salesperson who did it.
 * Never for serving a caller's reads of records they could not read otherwise.
 */
export function crmBookkeeping(caller: ScopedDb): ScopedDb {
  return caller.actingAs(systemPrincipal("crm assignment"));
}

export function actingWith(caller: ScopedDb, category: Category): ScopedDb {
  if (caller.principal.system) return caller;
  const principal: Principal = { ...caller.principal, grants: { ...caller.principal.grants, [category]: { access: "write", scope: "all" } } };
  return caller.actingAs(principal);
}

/** Whether the caller's CRM grant covers every row (Super Admin), rather than their teams'. */
export function seesAllCrm(principal: Principal): boolean {
  return principal.system === true || grantFor(principal, "crm").scope === "all";
}
