/**
 * The permission model. A role grants, per data category, an access level (none/read/write) and a
 * scope (all records, or only records whose department is one of the user's). A user's effective
 * grant per category is the most generous of their roles' grants. Anything not granted is denied:
 * checks fail closed.
 */
export const categories = ["client", "medical", "program", "hr", "finance", "crm", "helpdesk", "documents", "projects", "insights", "admin"] as const;
export type Category = (typeof categories)[number];
export type AccessLevel = "none" | "read" | "write";
export type AccessScope = "all" | "own_dept";

export interface Grant {
  access: AccessLevel;
  scope: AccessScope;
}

export interface Principal {
  /** The user's name (their email), or `system` for system jobs. */
  user: string;
  fullName: string;
  roles: readonly string[];
  departments: readonly string[];
  grants: Readonly<Partial<Record<Category, Grant>>>;
  /** Set only by `systemPrincipal()`: system jobs act on everything. */
  system?: true;
}

const NO_ACCESS: Grant = { access: "none", scope: "own_dept" };
const accessRank: Record<AccessLevel, number> = { none: 0, read: 1, write: 2 };

export function grantFor(principal: Principal, category: Category): Grant {
  return principal.grants[category] ?? NO_ACCESS;
}

export function canRead(principal: Principal, category: Category): boolean {
  return accessRank[grantFor(principal, category).access] >= accessRank.read;
}

export function canWrite(principal: Principal, category: Category): boolean {
  return grantFor(principal, category).access === "write";
}

export function isSuperAdmin(principal: Principal): boolean {
  return principal.system === true || principal.roles.includes("Super Admin");
}

/** Merge several roles' grants: the highest access wins; `all` beats `own_dept` at the same access. */
export function mergeGrants(rows: readonly { category: string; access: AccessLevel; scope: AccessScope }[]): Partial<Record<Category, Grant>> {
  const merged: Partial<Record<Category, Grant>> = {};
  for (const row of rows) {
    if (!(categories as readonly string[]).includes(row.category)) continue;
    const category = row.category as Category;
    const prev = merged[category];
    if (!prev) { merged[category] = { access: row.access, scope: row.scope }; continue; }
    const access = accessRank[row.access] > accessRank[prev.access] ? row.access : prev.access;
    // Scope widens only from a grant that actually gives access.
    const scope = row.access !== "none" && row.scope === "all" ? "all" : prev.scope;
    merged[category] = { access, scope };
  }
  return merged;
}

export function systemPrincipal(reason: string): Principal {
  const grants: Partial<Record<Category, Grant>> = {};
  for (const c of categories) grants[c] = { access: "write", scope: "all" };
  return { user: "system", fullName: `System (${reason})`, roles: ["System"], departments: [], grants, system: true };
}
