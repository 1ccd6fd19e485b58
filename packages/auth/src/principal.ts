import { mergeGrants, type AccessLevel, type AccessScope, type Principal } from "@orchestrator/db";
import { schema, unsafeSystemDb } from "@orchestrator/db/system";
import { eq } from "drizzle-orm";
import { getRedis } from "./redis";

/**
 * Principals (user, roles, departments, merged grants) cached in Redis so an authenticated request
 * costs one Redis round trip and no SQL.
 *
 *   perm:gen            global generation: bumped when the role matrix changes (all principals stale)
 *   perm:gen:<user>     per-user generation: bumped when one user's roles/departments/state change
 *   principal:<user>    JSON { gen: "<global>:<user gen>", principal }
 *
 * The generations are read in the same MGET as the entry; an entry whose tag does not match is a miss.
 * A load tags its result with the generations read *before* its SQL ran, so an invalidation that
 * lands while a load is in flight still wins (the late write carries the old tag and is ignored).
 */
const GLOBAL_GEN_KEY = "perm:gen";
const userGenKey = (user: string) => `perm:gen:${user}`;
const principalKey = (user: string) => `principal:${user}`;
/** Safety net for changes written without an invalidation; every known write path invalidates. */
const DEFAULT_CACHE_TTL_SECONDS = 300;
/** Per-user generation counters are tiny; they only need to outlive the cache entries they tag. */
const USER_GEN_TTL_SECONDS = 30 * 24 * 3600;

export interface PrincipalCacheOptions {
  cacheTtlSeconds?: number;
}

interface CachedPrincipal {
  gen: string;
  principal: Principal;
}

function parseCached(raw: string | null): CachedPrincipal | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<CachedPrincipal>;
    return typeof value.gen === "string" && typeof value.principal?.user === "string" ? (value as CachedPrincipal) : null;
  } catch {
    return null;
  }
}

/** The principal for an enabled user, from cache or the database; null when the user is missing or disabled. */
export async function loadPrincipal(user: string, options: PrincipalCacheOptions = {}): Promise<Principal | null> {
  const redis = getRedis();
  const [globalGen, userGen, raw] = await redis.mget(GLOBAL_GEN_KEY, userGenKey(user), principalKey(user));
  const tag = `${globalGen ?? "0"}:${userGen ?? "0"}`;
  const cached = parseCached(raw ?? null);
  if (cached && cached.gen === tag) return cached.principal;

  const principal = await readPrincipal(user);
  if (principal) {
    const entry: CachedPrincipal = { gen: tag, principal };
    await redis.set(principalKey(user), JSON.stringify(entry), "EX", options.cacheTtlSeconds ?? DEFAULT_CACHE_TTL_SECONDS);
  }
  return principal;
}

/** Five small indexed reads, run concurrently on the pool. */
async function readPrincipal(user: string): Promise<Principal | null> {
  const db = unsafeSystemDb();
  const { users, userRoles, rolePermissions, userDepartments, contacts, crmTeamMembers } = schema;
  const [userRows, roleRows, departmentRows, contactRows, teamRows] = await Promise.all([
    db.select({ name: users.name, fullName: users.fullName, enabled: users.enabled }).from(users).where(eq(users.name, user)).limit(1),
    db
      .select({ role: userRoles.role, category: rolePermissions.category, access: rolePermissions.access, scope: rolePermissions.scope })
      .from(userRoles)
      .leftJoin(rolePermissions, eq(rolePermissions.role, userRoles.role))
      .where(eq(userRoles.user, user)),
    db.select({ department: userDepartments.department }).from(userDepartments).where(eq(userDepartments.user, user)),
    // A portal login is a Contact's `user`: its customer is what an `own_customer` grant sees.
    db.select({ customer: contacts.customer }).from(contacts).where(eq(contacts.user, user)),
    // CRM team memberships: an `own_team` grant sees these teams' rows.
    db.select({ team: crmTeamMembers.parent }).from(crmTeamMembers).where(eq(crmTeamMembers.user, user)),
  ]);
  const row = userRows[0];
  if (!row || !row.enabled) return null;

  const roles = [...new Set(roleRows.map((r) => r.role))].sort();
  const grantRows: { category: string; access: AccessLevel; scope: AccessScope }[] = [];
  for (const r of roleRows) if (r.category && r.access && r.scope) grantRows.push({ category: r.category, access: r.access, scope: r.scope });
  return {
    user: row.name,
    fullName: row.fullName,
    roles,
    departments: departmentRows.map((d) => d.department).sort(),
    customers: [...new Set(contactRows.flatMap((c) => (c.customer ? [c.customer] : [])))].sort(),
    teams: [...new Set(teamRows.map((t) => t.team))].sort(),
    grants: mergeGrants(grantRows),
  };
}

/** Makes one user's next request reload their principal (roles, departments or enabled changed). */
export async function invalidatePrincipal(user: string): Promise<void> {
  await getRedis().multi().incr(userGenKey(user)).expire(userGenKey(user), USER_GEN_TTL_SECONDS).del(principalKey(user)).exec();
}

/** Makes every principal reload (the role matrix changed). */
export async function invalidatePrincipals(): Promise<void> {
  await getRedis().incr(GLOBAL_GEN_KEY);
}
