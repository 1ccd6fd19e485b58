/**
 * The permission model. A role grants, per data category, an access level (none/read/write) and a
 * scope (all records, or only records whose department is one of the user's). A user's effective
 * grant per category is the most generous of their roles' grants. Anything not granted is denied:
 * checks fail closed.
 */
export const categories = ["client", "medical", "program", "hr", "finance", "crm", "helpdesk", "documents", "projects", "insights", "admin"] as const;
export type Category = (typeof categories)[number];
export type AccessLevel = "none" | "read" | "write";
/**
 * `own_dept`: rows of the user's departments. `own_customer`: rows of the customers the user is a
 * contact of (helpdesk portal users), on DocTypes that declare a `customerScope`; nothing elsewhere.
 * `own_team`: rows the user owns or that belong to one of their CRM teams, on DocTypes that declare
 * a `teamScope`; nothing elsewhere.
 */
export type AccessScope = "all" | "own_dept" | "own_customer" | "own_team";

export interface Grant {
  access: AccessLevel;
  /** Which records the grant reads (and writes, unless `writeScope` narrows it). */
  scope: AccessScope;
  /**
   * Which records it writes. Only differs from `scope` after merging roles: "read all" from one
   * role plus "write own department" from another must stay exactly that, never "write all".
   */
  writeScope?: AccessScope;
}

export interface Principal {
  /** The user's name (their email), or `system` for system jobs. */
  user: string;
  fullName: string;
  roles: readonly string[];
  departments: readonly string[];
  /** The customers the user is a contact of (`own_customer` grants see their rows). Absent: none. */
  customers?: readonly string[];
  /** The CRM teams the user is a member of (`own_team` grants see their rows). Absent: none. */
  teams?: readonly string[];
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

/**
 * Merge several roles' grants per category. Reading: the widest scope among grants that read.
 * Writing: the widest scope among grants that write, on its own — so read-all plus
 * write-own-department stays write-own-department.
 */
export function mergeGrants(rows: readonly { category: string; access: AccessLevel; scope: AccessScope }[]): Partial<Record<Category, Grant>> {
  const merged: Partial<Record<Category, Grant>> = {};
  for (const row of rows) {
    if (!(categories as readonly string[]).includes(row.category)) continue;
    const category = row.category as Category;
    const prev = merged[category] ?? { access: "none" as AccessLevel, scope: "own_dept" as AccessScope };
    const access = accessRank[row.access] > accessRank[prev.access] ? row.access : prev.access;
    const readScope = row.access === "none" ? prev.scope : prev.access === "none" ? row.scope : widest(prev.scope, row.scope);
    const prevWrite = prev.access === "write" ? writeScopeOf(prev) : undefined;
    const rowWrite = row.access === "write" ? row.scope : undefined;
    const writeScope = prevWrite && rowWrite ? widest(prevWrite, rowWrite) : (prevWrite ?? rowWrite);
    merged[category] = writeScope && writeScope !== readScope ? { access, scope: readScope, writeScope } : { access, scope: readScope };
  }
  return merged;
}

/** Scopes from narrowest to widest. A staff member who is also a customer's contact is scoped as staff. */
const scopeRank: Record<AccessScope, number> = { own_customer: 0, own_team: 1, own_dept: 2, all: 3 };
const widest = (a: AccessScope, b: AccessScope): AccessScope => (scopeRank[a] >= scopeRank[b] ? a : b);

export function writeScopeOf(grant: Grant): AccessScope {
  return grant.writeScope ?? grant.scope;
}

export function systemPrincipal(reason: string): Principal {
  const grants: Partial<Record<Category, Grant>> = {};
  for (const c of categories) grants[c] = { access: "write", scope: "all" };
  return { user: "system", fullName: `System (${reason})`, roles: ["System"], departments: [], grants, system: true };
}
