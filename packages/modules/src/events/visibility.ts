import { canRead, grantFor, type Principal } from "@orchestrator/db";
import type { LiveEvent } from "./types";

/**
 * Whether a principal may hear about this change: the same rule as the data layer's read scope
 * (category readable and, for an own-department grant, the department is one of theirs). Client
 * events need client read; Task events need read on the task's own category. Fails closed: an
 * unknown department reaches only readers whose grant covers every department.
 */
export function eventVisibleTo(principal: Principal, event: LiveEvent): boolean {
  const category = event.doctype === "Client" ? "client" : event.category;
  if (event.doctype === "Task" && category === "client") return false;
  if (!canRead(principal, category)) return false;
  const grant = grantFor(principal, category);
  if (grant.scope === "all") return true;
  return event.department !== null && principal.departments.includes(event.department);
}
