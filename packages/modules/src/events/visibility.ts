import { canRead, grantFor, type Principal } from "@orchestrator/db";
import type { LiveEvent } from "./types";

/**
 * Whether a principal may hear about this change: the same rule as the data layer's read scope
 * (category readable and, for an own-department grant, the department is one of theirs). Client
 * events need client read; Task events need read on the task's own category. Fails closed: an
 * unknown department reaches only readers whose grant covers every department.
 */
export function eventVisibleTo(principal: Principal, event: LiveEvent): boolean {
  const category = event.doctype === "Client" ? "client" : event.doctype === "HD Ticket" ? "helpdesk" : event.category;
  if (event.doctype === "Task" && (category === "client" || category === "helpdesk")) return false;
  if (!canRead(principal, category)) return false;
  const grant = grantFor(principal, category);
  // Tickets are announced to staff by department; a portal contact's scope (own customer) is not
  // in the event, so they get none (fail closed).
  // Nor does a sales user's (own team): the event carries no owner or team.
  if (grant.scope === "own_customer" || grant.scope === "own_team") return false;
  if (grant.scope === "all") return true;
  return event.department !== null && principal.departments.includes(event.department);
}
