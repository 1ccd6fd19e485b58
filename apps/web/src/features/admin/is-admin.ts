import type { RouterOutputs } from "@orchestrator/modules";

/** Administration is for users who may change the `admin` category on all records (a Super Admin). */
export function isAdmin(grants: RouterOutputs["core"]["me"]["grants"]): boolean {
  return grants.admin?.write === true && grants.admin.scope === "all";
}
