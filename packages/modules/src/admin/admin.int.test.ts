import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRedis, createSession, getSession, loadPrincipal, verifyApiKey } from "@orchestrator/auth";
import { createScopedDb, type Principal } from "@orchestrator/db";
import { closeDatabase, schema, unsafeSystemDb } from "@orchestrator/db/system";
import { seedDemo } from "@orchestrator/db/testing";
import { and, desc, eq } from "drizzle-orm";
import { TRPCError } from "@trpc/server";
import { createCaller } from "../root";
import { contextFor } from "../trpc/context";
import { registry } from "../registry";
import { demoPrincipals } from "../testing/principals";

const ADMIN = "admin@demo.orchestrator.test";
const MEDICAL = "medical@demo.orchestrator.test";
const caller = (p: Principal) => createCaller(contextFor(p, { requestId: "admin-test" }));
const admin = () => caller(demoPrincipals.admin());

async function lastVersion(doctype: string, docname: string) {
  const [row] = await unsafeSystemDb().select().from(schema.versions).where(and(eq(schema.versions.refDoctype, doctype), eq(schema.versions.docname, docname))).orderBy(desc(schema.versions.id)).limit(1);
  return row;
}

async function trpcCode(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  return (error as TRPCError).code;
}

beforeAll(async () => {
  await seedDemo(unsafeSystemDb(), { passwordHash: "x", clientCount: 12 });
});
afterAll(async () => {
  await closeRedis();
  await closeDatabase();
});

describe("admin router: who may use it", () => {
  it("non-admins are refused on every admin procedure", async () => {
    for (const p of [demoPrincipals.medical(), demoPrincipals.supervisor(), demoPrincipals.hr()]) {
      const c = caller(p);
      expect(await trpcCode(c.admin.users.list({}))).toBe("FORBIDDEN");
      expect(await trpcCode(c.admin.permissions.set({ role: "Medical Staff", category: "client", access: "write", scope: "all" }))).toBe("FORBIDDEN");
      expect(await trpcCode(c.admin.departments.create({ departmentName: "Nope" }))).toBe("FORBIDDEN");
      expect(await trpcCode(c.admin.audit.list({}))).toBe("FORBIDDEN");
    }
  });

  it("the data layer itself refuses a non-admin's writes (no second permission path)", async () => {
    const scoped = createScopedDb(demoPrincipals.supervisor(), { requestId: "t" }, registry);
    await expect(scoped.update("Role", "Medical Staff", { permissions: [] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createScopedDb(demoPrincipals.medical(), { requestId: "t" }, registry).get("User", ADMIN)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("users", () => {
  it("lists with search and paging, never password hashes", async () => {
    const all = await admin().admin.users.list({ limit: 3 });
    expect(all.total).toBe(7); // the six demo users and the integration service user
    expect(all.rows).toHaveLength(3);
    expect(JSON.stringify(all)).not.toContain("password");
    const found = await admin().admin.users.list({ search: "medical" });
    expect(found.rows.map((r) => r.name)).toEqual([MEDICAL]);
  });

  it("creates a user with roles, departments and a password; each change audited", async () => {
    const user = await admin().admin.users.create({ email: "new.nurse@demo.orchestrator.test", fullName: "New Nurse", password: "a-long-password-1", roles: ["Medical Staff"], departments: ["Medical"] });
    expect(user).toMatchObject({ name: "new.nurse@demo.orchestrator.test", enabled: true, roles: ["Medical Staff"], departments: ["Medical"] });
    const [row] = await unsafeSystemDb().select({ hash: schema.users.passwordHash }).from(schema.users).where(eq(schema.users.name, user.name));
    expect(row?.hash).toMatch(/^\$argon2|^\$2|^scrypt|\S{20,}/);
    const versions = await unsafeSystemDb().select().from(schema.versions).where(eq(schema.versions.docname, user.name));
    expect(versions.map((v) => v.action).sort()).toEqual(["create", "update"]);
    expect(versions.every((v) => v.owner === ADMIN)).toBe(true);
    expect(JSON.stringify(versions)).not.toContain("a-long-password-1");
    const principal = await loadPrincipal(user.name);
    expect(principal?.roles).toEqual(["Medical Staff"]);
  });

  it("sets roles and departments in one audited update, effective at once", async () => {
    const user = "new.nurse@demo.orchestrator.test";
    const updated = await admin().admin.users.setMembership({ name: user, roles: ["Medical Staff", "Supervisor"], departments: ["Medical", "Program"] });
    expect(updated.roles.sort()).toEqual(["Medical Staff", "Supervisor"]);
    const version = await lastVersion("User", user);
    expect(version?.owner).toBe(ADMIN);
    expect(JSON.stringify(version?.data)).toContain("Supervisor");
    expect((await loadPrincipal(user))?.departments).toEqual(["Medical", "Program"]);
  });

  it("disabling a user ends their sessions and is audited; reset password ends sessions too", async () => {
    const user = "new.nurse@demo.orchestrator.test";
    const sid = await createSession(user);
    expect(await getSession(sid)).not.toBeNull();
    const disabled = await admin().admin.users.setEnabled({ name: user, enabled: false });
    expect(disabled.enabled).toBe(false);
    expect(await getSession(sid)).toBeNull();
    expect(await loadPrincipal(user)).toBeNull();
    expect(JSON.stringify((await lastVersion("User", user))?.data)).toContain("enabled");
    await admin().admin.users.setEnabled({ name: user, enabled: true });

    const sid2 = await createSession(user);
    expect(await admin().admin.users.resetPassword({ name: user, password: "another-password-2" })).toEqual({ sessionsEnded: 1 });
    expect(await getSession(sid2)).toBeNull();
    expect(JSON.stringify((await lastVersion("User", user))?.data)).toContain("password");
  });

  it("an admin cannot disable themselves", async () => {
    expect(await trpcCode(admin().admin.users.setEnabled({ name: ADMIN, enabled: false }))).toBe("BAD_REQUEST");
  });
});

describe("departments", () => {
  it("creates, renames and moves, refusing cycles; each change audited", async () => {
    const a = await admin().admin.departments.create({ departmentName: "Outpatient", parent: null, isGroup: true });
    const b = await admin().admin.departments.create({ departmentName: "Outpatient East", parent: a.name });
    expect(b.parent_department).toBe("Outpatient");
    expect((await lastVersion("Department", b.name))?.action).toBe("create");
    const renamed = await admin().admin.departments.rename({ name: b.name, departmentName: "Outpatient (East)" });
    expect(renamed).toMatchObject({ name: "Outpatient East", department_name: "Outpatient (East)" });
    expect(await trpcCode(admin().admin.departments.move({ name: a.name, parent: b.name }))).toBe("BAD_REQUEST");
    expect(await trpcCode(admin().admin.departments.move({ name: a.name, parent: a.name }))).toBe("BAD_REQUEST");
    const moved = await admin().admin.departments.move({ name: a.name, parent: "Medical" });
    expect(moved.parent_department).toBe("Medical");
    expect((await lastVersion("Department", a.name))?.action).toBe("update");
    const tree = await admin().admin.departments.list();
    expect(tree.find((d) => d.name === "Outpatient East")?.parent_department).toBe("Outpatient");
  });
});

describe("permission matrix", () => {
  it("reads roles x categories", async () => {
    const m = await admin().admin.permissions.matrix();
    expect(m.roles).toContain("Medical Staff");
    expect(m.cells).toContainEqual({ role: "Medical Staff", category: "client", access: "write", scope: "own_dept" });
  });

  it("a changed cell is audited and effective at once for a loaded principal", async () => {
    const before = await loadPrincipal(MEDICAL);
    const medicalDb = () => createScopedDb(before!, { requestId: "t" }, registry);
    expect(await medicalDb().count("Client")).toBe(6);

    await admin().admin.permissions.set({ role: "Medical Staff", category: "client", access: "write", scope: "all" });
    const version = await lastVersion("Role", "Medical Staff");
    expect(version?.owner).toBe(ADMIN);
    expect(JSON.stringify(version?.data)).toContain("own_dept");

    const after = await loadPrincipal(MEDICAL);
    expect(after?.grants.client?.scope).toBe("all");
    expect(await createScopedDb(after!, { requestId: "t" }, registry).count("Client")).toBe(12);

    await admin().admin.permissions.set({ role: "Medical Staff", category: "client", access: "write", scope: "own_dept" });
    expect((await loadPrincipal(MEDICAL))?.grants.client?.scope).toBe("own_dept");
  });

  it("adds a cell that did not exist", async () => {
    await admin().admin.permissions.set({ role: "HR Manager", category: "crm", access: "read", scope: "all" });
    const m = await admin().admin.permissions.matrix();
    expect(m.cells).toContainEqual({ role: "HR Manager", category: "crm", access: "read", scope: "all" });
    expect((await loadPrincipal("hr@demo.orchestrator.test"))?.grants.crm?.access).toBe("read");
  });
});

describe("audit log", () => {
  it("filters by user, doctype and date, newest first", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const res = await admin().admin.audit.list({ owner: ADMIN, doctype: "Role", from: today, to: today });
    expect(res.total).toBeGreaterThanOrEqual(3);
    expect(res.rows.every((r) => r.ref_doctype === "Role" && r.owner === ADMIN)).toBe(true);
    expect(res.rows[0]!.creation >= res.rows.at(-1)!.creation).toBe(true);
    expect((await admin().admin.audit.list({ doctype: "Role", to: "2000-01-01" })).total).toBe(0);
  });
});

describe("API keys (own keys, any signed-in user)", () => {
  it("creates (secret once), lists without secrets, revokes; never another user's key", async () => {
    const medical = caller(demoPrincipals.medical());
    const pair = await medical.admin.apiKeys.create({ label: "script" });
    expect(await verifyApiKey(pair.apiKey, pair.apiSecret)).toBe(MEDICAL);
    const listed = await medical.admin.apiKeys.list();
    expect(listed.map((k) => k.apiKey)).toContain(pair.apiKey);
    expect(JSON.stringify(listed)).not.toContain(pair.apiSecret);
    expect(await trpcCode(admin().admin.apiKeys.revoke({ apiKey: pair.apiKey }))).toBe("NOT_FOUND");
    await medical.admin.apiKeys.revoke({ apiKey: pair.apiKey });
    expect(await verifyApiKey(pair.apiKey, pair.apiSecret)).toBeNull();
  });
});
