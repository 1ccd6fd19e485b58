import { randomBytes } from "node:crypto";
import { canWrite, categories, countStatements, defaultMatrix, mergeGrants } from "@orchestrator/db";
import { schema, unsafeSystemDb } from "@orchestrator/db/system";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { invalidatePrincipal, invalidatePrincipals, loadPrincipal } from "./principal";
import { closeConnections, makeUser, seedAccess, setEnabledDirectly, uniqueEmail } from "./testing/fixtures";

beforeAll(seedAccess);
afterAll(closeConnections);

describe("loadPrincipal", () => {
  it("builds the principal from roles, departments and the role matrix", async () => {
    const user = await makeUser({ prefix: "principal", fullName: "Mia Medical", roles: ["Medical Staff"], departments: ["Medical", "Program"] });
    const principal = await loadPrincipal(user.email);
    const matrixRows = categories.flatMap((category) => {
      const grant = defaultMatrix["Medical Staff"][category];
      return grant ? [{ category, ...grant }] : [];
    });
    expect(principal).toEqual({
      user: user.email,
      fullName: "Mia Medical",
      roles: ["Medical Staff"],
      departments: ["Medical", "Program"],
      customers: [],
      teams: [],
      grants: expect.objectContaining(mergeGrants(matrixRows)),
    });
    expect(canWrite(principal!, "hr")).toBe(false);
  });

  it("lists the customers whose contact the user is (a portal login), after an invalidation", async () => {
    const user = await makeUser({ prefix: "portal", roles: [] });
    expect((await loadPrincipal(user.email))!.customers).toEqual([]);
    const st = { creation: "2026-11-01 00:00:00", modified: "2026-11-01 00:00:00", owner: "system", modifiedBy: "system" };
    const customer = `Acme ${randomBytes(4).toString("hex")}`;
    await unsafeSystemDb().insert(schema.hdCustomers).values({ name: customer, customerName: customer, department: "Medical", ...st });
    await unsafeSystemDb().insert(schema.contacts).values({ name: randomBytes(8).toString("hex"), fullName: "Pat Portal", customer, user: user.email, ...st });
    // Contact writes through the DocType invalidate; a direct insert needs it by hand.
    await invalidatePrincipal(user.email);
    expect((await loadPrincipal(user.email))!.customers).toEqual([customer]);
  });

  it("is null for missing and disabled users", async () => {
    expect(await loadPrincipal(uniqueEmail("ghost"))).toBeNull();
    const user = await makeUser({ prefix: "off" });
    await setEnabledDirectly(user.email, false);
    expect(await loadPrincipal(user.email)).toBeNull();
  });

  it("serves a cache hit with no SQL at all", async () => {
    const user = await makeUser({ prefix: "cached" });
    const cold = await countStatements(() => loadPrincipal(user.email));
    expect(cold.statements).toBeGreaterThan(0);
    const warm = await countStatements(() => loadPrincipal(user.email));
    expect(warm.statements).toBe(0);
    expect(warm.result).toEqual(cold.result);
  });

  it("reflects a role change once the user's principal is invalidated", async () => {
    const user = await makeUser({ prefix: "rolechange", roles: ["Medical Staff"] });
    expect(canWrite((await loadPrincipal(user.email))!, "hr")).toBe(false);
    await unsafeSystemDb().update(schema.userRoles).set({ role: "HR Manager" }).where(eq(schema.userRoles.user, user.email));
    // Still cached: the change is not visible until invalidated.
    expect((await loadPrincipal(user.email))!.roles).toEqual(["Medical Staff"]);
    await invalidatePrincipal(user.email);
    const after = await loadPrincipal(user.email);
    expect(after!.roles).toEqual(["HR Manager"]);
    expect(canWrite(after!, "hr")).toBe(true);
    expect(canWrite(after!, "medical")).toBe(false);
  });

  it("reflects a role matrix change for everyone once principals are invalidated", async () => {
    const role = `Test Role ${randomBytes(3).toString("hex")}`;
    const db = unsafeSystemDb();
    const stamp = { creation: "2026-01-01 00:00:00.000000", modified: "2026-01-01 00:00:00.000000", owner: "system", modifiedBy: "system" };
    await db.insert(schema.roles).values({ name: role, ...stamp });
    await db.insert(schema.rolePermissions).values({ role, category: "crm", access: "read", scope: "all" });
    const users = [await makeUser({ prefix: "matrix-a", roles: [role] }), await makeUser({ prefix: "matrix-b", roles: [role] })];
    for (const u of users) expect((await loadPrincipal(u.email))!.grants.crm).toEqual({ access: "read", scope: "all" });

    await db.update(schema.rolePermissions).set({ access: "write" }).where(and(eq(schema.rolePermissions.role, role), eq(schema.rolePermissions.category, "crm")));
    await invalidatePrincipals();
    for (const u of users) expect((await loadPrincipal(u.email))!.grants.crm).toEqual({ access: "write", scope: "all" });
  });

  it("ignores a cache entry written with an older generation", async () => {
    const user = await makeUser({ prefix: "stale-gen", fullName: "Before" });
    await loadPrincipal(user.email);
    await unsafeSystemDb().update(schema.users).set({ fullName: "After" }).where(eq(schema.users.name, user.email));
    await invalidatePrincipals();
    const reloaded = await countStatements(() => loadPrincipal(user.email));
    expect(reloaded.statements).toBeGreaterThan(0);
    expect(reloaded.result!.fullName).toBe("After");
  });
});
