import { inArray, isNull, notInArray, or, and, eq, sql, type SQL } from "drizzle-orm";
import type { AnyMySqlColumn } from "drizzle-orm/mysql-core";
import { canRead, canWrite, grantFor, writeScopeOf, type Category, type Grant, type Principal } from "../access/model";
import type { CustomerScopeFilter, DocTypeDef } from "./doctype";

const NOTHING = sql`1 = 0`;

function filterPredicate(dt: DocTypeDef, only: CustomerScopeFilter): SQL {
  const column = dt.fields[only.field]?.column;
  if (!column) throw new Error(`${dt.name}: customer scope field ${only.field} is not a field`);
  return inArray(column, [...only.values]);
}

/** Rows an `own_customer` grant (a portal contact) sees: their customers' rows, or the catalogue the DocType opens. */
function customerPredicate(principal: Principal, dt: DocTypeDef): SQL | undefined {
  const rule = dt.customerScope;
  if (rule === "catalogue") return undefined;
  if (!rule) return NOTHING;
  if ("catalogue" in rule) return rule.only ? filterPredicate(dt, rule.only) : undefined;
  const customers = principal.customers ?? [];
  if (!customers.length) return NOTHING;
  const column = dt.fields[rule.field]?.column;
  if (!column) throw new Error(`${dt.name}: customer scope field ${rule.field} is not a field`);
  const mine = inArray(column, [...customers]);
  return rule.only ? (and(mine, filterPredicate(dt, rule.only)) as SQL) : mine;
}

const matches = (only: CustomerScopeFilter | undefined, row: Record<string, unknown>): boolean => !only || only.values.includes(String(row[only.field] ?? ""));

/** Whether a row in hand is one an `own_customer` grant may read (or, `write`, change): catalogues are read-only. */
function customerRowInScope(principal: Principal, dt: DocTypeDef, row: Record<string, unknown>, mode: "read" | "write"): boolean {
  const rule = dt.customerScope;
  if (!rule) return false;
  if (rule === "catalogue" || "catalogue" in rule) return mode === "read" && (rule === "catalogue" || matches(rule.only, row));
  const value = row[rule.field];
  return typeof value === "string" && (principal.customers ?? []).includes(value) && matches(rule.only, row);
}

/** A team-scope field's column: a declared field, or a standard column (`owner`). */
function teamColumn(dt: DocTypeDef, field: string): AnyMySqlColumn {
  const column = dt.fields[field]?.column ?? (field === "owner" ? dt.standard.owner : undefined);
  if (!column) throw new Error(`${dt.name}: team scope field ${field} is not a field`);
  return column;
}

/** Rows an `own_team` grant (a sales user or manager) sees: their own and their teams' rows, or the catalogue the DocType opens. */
function teamPredicate(principal: Principal, dt: DocTypeDef): SQL | undefined {
  const rule = dt.teamScope;
  if (rule === "catalogue" || (rule && "catalogue" in rule)) return undefined;
  if (!rule) return NOTHING;
  const own = eq(teamColumn(dt, rule.ownerField), principal.user);
  const teams = principal.teams ?? [];
  return teams.length ? (or(own, inArray(teamColumn(dt, rule.teamField), [...teams])) as SQL) : own;
}

/**
 * The read predicate of an `own_team` reader with teams as disjoint branches — one per team
 * (`team = ?`), plus their own rows outside those teams — whose union is exactly `teamPredicate`'s
 * `owner = ? OR team IN (…)`; undefined for every other reader. A paged list runs one ordered, limited
 * query per branch and merges them (each walks an index in order), where MariaDB answers the OR by
 * merging two indexes and sorting every matching row: at 200k leads, 12 ms instead of 275 (p50).
 */
export function teamReadBranches(principal: Principal, dt: DocTypeDef): SQL[] | undefined {
  const rule = dt.teamScope;
  const grant = grantFor(principal, dt.category);
  const teams = principal.teams ?? [];
  if (!rule || rule === "catalogue" || "catalogue" in rule || dt.rowCategory || !teams.length) return undefined;
  if (dt.scope.kind === "owner" || dt.scope.kind === "custom" || dt.scope.kind === "self") return undefined;
  if (grant.access === "none" || grant.scope !== "own_team") return undefined;
  const team = teamColumn(dt, rule.teamField);
  const ownOutside = and(eq(teamColumn(dt, rule.ownerField), principal.user), or(isNull(team), notInArray(team, [...teams]))) as SQL;
  return [...teams.map((t) => eq(team, t)), ownOutside];
}

/** Whether a row in hand is one an `own_team` grant may read (or, `write`, change): catalogues are read-only. */
function teamRowInScope(principal: Principal, dt: DocTypeDef, row: Record<string, unknown>, mode: "read" | "write"): boolean {
  const rule = dt.teamScope;
  if (!rule) return false;
  if (rule === "catalogue") return mode === "read";
  if ("catalogue" in rule) return mode === "read" || rule.writerRoles.some((role) => principal.roles.includes(role));
  const team = row[rule.teamField];
  return row[rule.ownerField] === principal.user || (typeof team === "string" && (principal.teams ?? []).includes(team));
}

/** Rows of one category a grant lets the principal see, given the DocType's scope rule. */
function grantPredicate(principal: Principal, grant: Grant, dt: DocTypeDef): SQL | undefined {
  if (grant.access === "none") return NOTHING;
  const rule = dt.scope;
  // Portal contacts: only what the DocType opens to its customers, whatever its staff scope rule.
  if (grant.scope === "own_customer" && rule.kind !== "owner" && rule.kind !== "custom") return customerPredicate(principal, dt);
  // Sales users: only what the DocType opens to teams, whatever its staff scope rule.
  if (grant.scope === "own_team" && rule.kind !== "owner" && rule.kind !== "custom") return teamPredicate(principal, dt);
  switch (rule.kind) {
    case "global":
      return undefined;
    case "department": {
      if (grant.scope === "all") return undefined;
      const column = dt.fields[rule.field]?.column;
      if (!column) throw new Error(`${dt.name}: scope field ${rule.field} is not a field`);
      return principal.departments.length ? inArray(column, [...principal.departments]) : NOTHING;
    }
    case "self": {
      if (grant.scope === "all") return undefined;
      const column = dt.fields[rule.field]?.column ?? (rule.field === "name" ? dt.standard.name : undefined);
      if (!column) throw new Error(`${dt.name}: scope field ${rule.field} is not a field`);
      return eq(column, principal.user);
    }
    case "owner":
      return ownerPredicate(principal, dt);
    case "custom":
      return rule.predicate(principal);
  }
}

/** Private rows: the principal's own, whatever their grants (system jobs: every row). */
function ownerPredicate(principal: Principal, dt: DocTypeDef): SQL | undefined {
  return principal.system ? undefined : eq(dt.standard.owner, principal.user);
}

/** Whether a row of an `owner`-scoped DocType is the principal's own. */
function ownsRow(principal: Principal, row: Record<string, unknown>): boolean {
  return principal.system === true || row.owner === principal.user;
}

/**
 * The one predicate that decides which rows of a DocType a principal can read. List, count, get,
 * update and delete all AND it in, so a list can never show a row that a get refuses.
 * Returns `undefined` for "every row", and an always-false predicate when nothing is readable.
 */
export function readPredicate(principal: Principal, dt: DocTypeDef): SQL | undefined {
  // A custom rule decides on its own (the audit trail follows the documents; departments are readable by all).
  if (dt.scope.kind === "custom") return dt.scope.predicate(principal);
  // Private rows ignore the grants: not even a Super Admin reads another user's.
  if (dt.scope.kind === "owner") return ownerPredicate(principal, dt);
  if (dt.scope.kind === "self") {
    // Everyone may read their own record; the category grant widens it.
    const grant = grantFor(principal, dt.category);
    return grant.access !== "none" && grant.scope === "all" ? undefined : grantPredicate(principal, { access: "read", scope: "own_dept" }, dt);
  }
  if (dt.rowCategory) {
    const column = dt.fields[dt.rowCategory.field]?.column as AnyMySqlColumn;
    const parts: SQL[] = [];
    for (const [value, category] of Object.entries(dt.rowCategory.values)) {
      if (!canRead(principal, category)) continue;
      const scoped = grantPredicate(principal, grantFor(principal, category), dt);
      parts.push(scoped ? (and(eq(column, value), scoped) as SQL) : eq(column, value));
    }
    return parts.length ? (or(...parts) as SQL) : NOTHING;
  }
  return grantPredicate(principal, grantFor(principal, dt.category), dt);
}

/** The category that governs one row (its row category, or the DocType's). */
export function categoryOfRow(dt: DocTypeDef, row: Record<string, unknown>): Category {
  if (dt.rowCategory) {
    const value = row[dt.rowCategory.field];
    const category = typeof value === "string" ? dt.rowCategory.values[value] : undefined;
    if (category) return category;
  }
  return dt.category;
}

/** Whether the principal reads this category as a portal contact (`internal` fields are then absent). */
export function isCustomerScoped(principal: Principal, category: Category): boolean {
  return grantFor(principal, category).scope === "own_customer" && !principal.system;
}

/** Whether a row already in hand is within the principal's read (or write) scope — e.g. a write's after-image. */
export function rowInScope(principal: Principal, dt: DocTypeDef, row: Record<string, unknown>, category: Category, mode: "read" | "write" = "read"): boolean {
  if (dt.scope.kind === "owner") return ownsRow(principal, row);
  const grant = grantFor(principal, category);
  if (grant.access === "none" || (mode === "write" && grant.access !== "write")) return false;
  const scope = mode === "write" ? writeScopeOf(grant) : grant.scope;
  if (scope === "all") return true;
  const rule = dt.scope;
  if (scope === "own_customer" && rule.kind !== "custom") return customerRowInScope(principal, dt, row, mode);
  if (scope === "own_team" && rule.kind !== "custom") return teamRowInScope(principal, dt, row, mode);
  if (rule.kind === "department") return principal.departments.includes(String(row[rule.field] ?? ""));
  if (rule.kind === "self") return row[rule.field] === principal.user;
  return true;
}

/** Whether a child table (or a field of a given category) is readable for a row of department `department`. */
export function categoryReadableFor(principal: Principal, category: Category, department: unknown): boolean {
  if (!canRead(principal, category)) return false;
  const grant = grantFor(principal, category);
  // A portal contact's or a sales user's row-level scope already decided; departments do not apply.
  return grant.scope === "all" || grant.scope === "own_customer" || grant.scope === "own_team" || typeof department !== "string" || principal.departments.includes(department);
}

export function categoryWritableFor(principal: Principal, category: Category, department: unknown): boolean {
  if (!canWrite(principal, category)) return false;
  const grant = grantFor(principal, category);
  const scope = writeScopeOf(grant);
  return scope === "all" || scope === "own_customer" || scope === "own_team" || typeof department !== "string" || principal.departments.includes(department);
}
