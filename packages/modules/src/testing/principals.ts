import { defaultMatrix, mergeGrants, type Principal, type RoleName } from "@orchestrator/db";

/** A principal straight from the seed matrix, for tests that build the scoped layer directly. */
export function principalFor(role: RoleName, departments: string[], user = `${role.toLowerCase().replace(/\s+/g, "-")}@test.local`): Principal {
  const rows = Object.entries(defaultMatrix[role]).map(([category, grant]) => ({ category, access: grant!.access, scope: grant!.scope }));
  return { user, fullName: role, roles: [role], departments, grants: mergeGrants(rows) };
}

/** The demo users' principals (their seeded roles and departments). */
export const demoPrincipals = {
  admin: () => principalFor("Super Admin", ["Administration"], "admin@demo.orchestrator.test"),
  medical: () => principalFor("Medical Staff", ["Medical"], "medical@demo.orchestrator.test"),
  program: () => principalFor("Program Staff", ["Program"], "program@demo.orchestrator.test"),
  hr: () => principalFor("HR Manager", ["HR"], "hr@demo.orchestrator.test"),
  finance: () => principalFor("Finance Manager", ["Finance"], "finance@demo.orchestrator.test"),
  supervisor: () => principalFor("Supervisor", ["Administration"], "supervisor@demo.orchestrator.test"),
};
