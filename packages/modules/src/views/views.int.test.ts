import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { AppError, createScopedDb, systemPrincipal, type FieldIssue, type Principal } from "@orchestrator/db";
import { closeDatabase, schema, unsafeSystemDb } from "@orchestrator/db/system";
import { seedDemo } from "@orchestrator/db/testing";
import { and, count, eq } from "drizzle-orm";
import { closeRedis } from "@orchestrator/auth";
import { createCaller } from "../root";
import { registry } from "../registry";
import { contextFor } from "../trpc/context";
import { demoPrincipals } from "../testing/principals";
import { MAX_VIEWS_PER_LIST, SAVED_VIEW } from "./doctype";

const caller = (p: Principal) => createCaller(contextFor(p, { requestId: "views-test" }));
const medical = () => caller(demoPrincipals.medical());
const program = () => caller(demoPrincipals.program());
const admin = () => caller(demoPrincipals.admin());
const supervisor = () => caller(demoPrincipals.supervisor());

/** The error a call fails with: its tRPC code, and the AppError's field errors when there are any. */
async function failure(promise: Promise<unknown>): Promise<{ code: string; fieldErrors: readonly FieldIssue[] }> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  const cause = (error as TRPCError).cause;
  return { code: (error as TRPCError).code, fieldErrors: cause instanceof AppError ? cause.fieldErrors : [] };
}

async function versionCount(docname?: string): Promise<number> {
  const where = docname ? and(eq(schema.versions.refDoctype, SAVED_VIEW), eq(schema.versions.docname, docname)) : eq(schema.versions.refDoctype, SAVED_VIEW);
  const [row] = await unsafeSystemDb().select({ n: count() }).from(schema.versions).where(where);
  return Number(row?.n ?? 0);
}

async function storedViews(owner: string) {
  return unsafeSystemDb().select().from(schema.savedViews).where(eq(schema.savedViews.owner, owner));
}

const MEDICAL = "medical@demo.orchestrator.test";

beforeAll(async () => {
  await seedDemo(unsafeSystemDb(), { passwordHash: "x", clientCount: 4 });
});
afterAll(async () => {
  await closeRedis();
  await closeDatabase();
});

describe("saved views: the owner's own", () => {
  it("create, list, get, rename, overwrite and delete, one Version row each", async () => {
    const created = await medical().views.create({ list: "clients", label: "  Active admissions ", query: "status=active&sort=admission_date&dir=desc" });
    expect(created).toMatchObject({ list: "clients", label: "Active admissions", query: "status=active&sort=admission_date&dir=desc", isDefault: false });
    expect(await versionCount(created.name)).toBe(1);
    const [row] = await storedViews(MEDICAL);
    expect(row).toMatchObject({ owner: MEDICAL, modifiedBy: MEDICAL, list: "clients", isDefault: false });

    expect((await medical().views.list({ list: "clients" })).map((v) => v.label)).toEqual(["Active admissions"]);
    expect(await medical().views.get({ name: created.name })).toEqual(created);

    const renamed = await medical().views.update({ name: created.name, modified: created.modified, label: "Admitted, active" });
    expect(renamed.label).toBe("Admitted, active");
    expect(await versionCount(created.name)).toBe(2);

    const overwritten = await medical().views.update({ name: created.name, modified: renamed.modified, query: "status=active,pending&q=gar" });
    expect(overwritten.query).toBe("status=active,pending&q=gar");
    expect(await versionCount(created.name)).toBe(3);

    // Saving what is already stored changes nothing and writes no Version row.
    const same = await medical().views.update({ name: created.name, modified: overwritten.modified, query: overwritten.query, label: overwritten.label });
    expect(same.modified).toBe(overwritten.modified);
    expect(await versionCount(created.name)).toBe(3);

    await medical().views.delete({ name: created.name });
    expect(await versionCount(created.name)).toBe(4);
    expect(await medical().views.list({ list: "clients" })).toEqual([]);
    expect((await failure(medical().views.get({ name: created.name }))).code).toBe("NOT_FOUND");
  });

  it("a stale `modified` is a CONFLICT and changes nothing", async () => {
    const view = await medical().views.create({ list: "clients", label: "Stale check", query: "status=pending" });
    const fresh = await medical().views.update({ name: view.name, modified: view.modified, label: "Stale check 2" });
    expect((await failure(medical().views.update({ name: view.name, modified: view.modified, label: "Lost update" }))).code).toBe("CONFLICT");
    expect(await medical().views.get({ name: view.name })).toEqual(fresh);
    await medical().views.delete({ name: view.name });
  });

  it("setting a default clears the previous one in the same change; unsetting leaves none", async () => {
    const a = await program().views.create({ list: "clients", label: "A", query: "status=active", isDefault: true });
    const b = await program().views.create({ list: "clients", label: "B", query: "status=pending" });
    expect((await program().views.list({ list: "clients" })).filter((v) => v.isDefault).map((v) => v.label)).toEqual(["A"]);
    const versionsOfA = await versionCount(a.name);

    const bDefault = await program().views.update({ name: b.name, modified: b.modified, isDefault: true });
    expect(bDefault.isDefault).toBe(true);
    const views = await program().views.list({ list: "clients" });
    expect(views.filter((v) => v.isDefault).map((v) => v.label)).toEqual(["B"]);
    // The previous default's change is audited too: one row for it, one for B.
    expect(await versionCount(a.name)).toBe(versionsOfA + 1);
    expect(await versionCount(b.name)).toBe(2);

    // Creating a new default clears B the same way.
    const c = await program().views.create({ list: "clients", label: "C", query: "sort=last_name&dir=asc", isDefault: true });
    expect((await program().views.list({ list: "clients" })).filter((v) => v.isDefault).map((v) => v.name)).toEqual([c.name]);

    const cPlain = await program().views.update({ name: c.name, modified: c.modified, isDefault: false });
    expect(cPlain.isDefault).toBe(false);
    expect((await program().views.list({ list: "clients" })).some((v) => v.isDefault)).toBe(false);
    for (const v of await program().views.list({ list: "clients" })) await program().views.delete({ name: v.name });
  });

  it("two defaults set at the same moment still leave exactly one (the database's unique key)", async () => {
    const x = await program().views.create({ list: "clients", label: "Race X", query: "status=active" });
    const y = await program().views.create({ list: "clients", label: "Race Y", query: "status=pending" });
    const results = await Promise.allSettled([
      program().views.update({ name: x.name, modified: x.modified, isDefault: true }),
      program().views.update({ name: y.name, modified: y.modified, isDefault: true }),
    ]);
    expect(results.some((r) => r.status === "fulfilled")).toBe(true);
    const defaults = (await storedViews("program@demo.orchestrator.test")).filter((v) => v.isDefault);
    expect(defaults).toHaveLength(1);
    // Even a write that skips the data layer cannot add a second default.
    const other = defaults[0]!.name === x.name ? y : x;
    await expect(unsafeSystemDb().update(schema.savedViews).set({ isDefault: true }).where(eq(schema.savedViews.name, other.name))).rejects.toThrow();
    for (const v of [x, y]) await program().views.delete({ name: v.name });
  });
});

describe("saved views: refused input changes nothing", () => {
  it("a duplicate label (any letter case) is a field error on `label`", async () => {
    const first = await medical().views.create({ list: "clients", label: "Pending intake", query: "status=pending" });
    const other = await medical().views.create({ list: "clients", label: "Discharged", query: "status=discharged" });
    const [rows, versions] = [await storedViews(MEDICAL), await versionCount()];

    const duplicate = await failure(medical().views.create({ list: "clients", label: "pending INTAKE", query: "status=active" }));
    expect(duplicate.code).toBe("BAD_REQUEST");
    expect(duplicate.fieldErrors.map((f) => f.field)).toEqual(["label"]);

    const renamed = await failure(medical().views.update({ name: other.name, modified: other.modified, label: "Pending intake" }));
    expect(renamed.code).toBe("BAD_REQUEST");
    expect(renamed.fieldErrors.map((f) => f.field)).toEqual(["label"]);

    expect(await storedViews(MEDICAL)).toEqual(rows);
    expect(await versionCount()).toBe(versions);
    // Labels are unique per owner: another user may use the same one.
    const theirs = await program().views.create({ list: "clients", label: "Pending intake", query: "status=pending" });
    for (const v of [first, other]) await medical().views.delete({ name: v.name });
    await program().views.delete({ name: theirs.name });
  });

  it("a query the Clients list would not write is a field error on `query`", async () => {
    const versions = await versionCount();
    const bad = [
      "colour=red",
      "status=sleeping",
      "status=active&status=pending",
      "from=2026-02-31x",
      "sort=password_hash",
      "dir=sideways",
      "page=-1",
      "q=" + "x".repeat(101),
      "?status=active",
    ];
    for (const query of bad) {
      const error = await failure(medical().views.create({ list: "clients", label: `Bad ${query.slice(0, 20)}`, query }));
      expect(error.code, query).toBe("BAD_REQUEST");
      expect(error.fieldErrors.map((f) => f.field), query).toEqual(["query"]);
    }
    // Too long, or empty, is refused before the data layer; an empty view is just the plain list.
    expect((await failure(medical().views.create({ list: "clients", label: "Long", query: `q=${"a".repeat(2000)}` }))).code).toBe("BAD_REQUEST");
    expect((await failure(medical().views.create({ list: "clients", label: "Empty", query: "" }))).fieldErrors.map((f) => f.field)).toEqual(["query"]);
    expect((await failure(medical().views.create({ list: "clients", label: "x".repeat(81), query: "status=active" }))).code).toBe("BAD_REQUEST");
    expect((await failure(medical().views.create({ list: "clients", label: "   ", query: "status=active" }))).code).toBe("BAD_REQUEST");

    const view = await medical().views.create({ list: "clients", label: "Good", query: "q=Garc%C3%ADa&status=active,discharged&department=Medical&from=2026-01-01&to=2026-03-31&sort=last_name&dir=asc&page=2" });
    const overwrite = await failure(medical().views.update({ name: view.name, modified: view.modified, query: "status=bogus" }));
    expect(overwrite.fieldErrors.map((f) => f.field)).toEqual(["query"]);
    expect((await medical().views.get({ name: view.name })).query).toBe(view.query);
    await medical().views.delete({ name: view.name });
    expect(await versionCount()).toBe(versions + 2);
  });

  it(`at most ${MAX_VIEWS_PER_LIST} views per user and list`, async () => {
    const scoped = createScopedDb(demoPrincipals.hr(), { requestId: "t" }, registry);
    for (let i = 0; i < MAX_VIEWS_PER_LIST; i++) await scoped.insert(SAVED_VIEW, { list: "clients", label: `View ${i}`, query: "status=active" });
    const error = await failure(caller(demoPrincipals.hr()).views.create({ list: "clients", label: "One too many", query: "status=active" }));
    expect(error.fieldErrors.map((f) => f.field)).toEqual(["list"]);
  });
});

describe("saved views: private to their owner", () => {
  it("another user — any role, Super Admin included — cannot list, get, update or delete them: NOT_FOUND", async () => {
    const view = await medical().views.create({ list: "clients", label: "Mine only", query: "status=active", isDefault: true });
    for (const other of [admin(), supervisor(), program(), caller(demoPrincipals.hr())]) {
      expect((await other.views.list({ list: "clients" })).some((v) => v.name === view.name)).toBe(false);
      expect((await failure(other.views.get({ name: view.name }))).code).toBe("NOT_FOUND");
      expect((await failure(other.views.update({ name: view.name, modified: view.modified, label: "Taken" }))).code).toBe("NOT_FOUND");
      expect((await failure(other.views.update({ name: view.name, modified: view.modified, isDefault: false }))).code).toBe("NOT_FOUND");
      expect((await failure(other.views.delete({ name: view.name }))).code).toBe("NOT_FOUND");
    }
    // Another user's default does not touch the owner's (defaults are per owner).
    const adminView = await admin().views.create({ list: "clients", label: "Mine only", query: "status=pending", isDefault: true });
    expect(await medical().views.get({ name: view.name })).toEqual(view);
    expect(await versionCount(view.name)).toBe(1);
    await admin().views.delete({ name: adminView.name });
  });

  it("the data layer refuses the same way (no second permission path), and history stays private", async () => {
    const [view] = await medical().views.list({ list: "clients" });
    const superAdmin = createScopedDb(demoPrincipals.admin(), { requestId: "t" }, registry);
    await expect(superAdmin.get(SAVED_VIEW, view!.name)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await superAdmin.list(SAVED_VIEW, { fields: ["name"], limit: 0 })).toEqual([]);
    expect(await superAdmin.count(SAVED_VIEW)).toBe(0);
    // The owner's history is theirs; an auditor with every grant does not learn of it.
    const versions = (owner: Principal) => createScopedDb(owner, { requestId: "t" }, registry).list("Version", { fields: ["docname"], filters: [{ field: "ref_doctype", operator: "=", value: SAVED_VIEW }], limit: 0 });
    expect((await versions(demoPrincipals.medical())).map((r) => r.docname)).toContain(view!.name);
    expect((await versions(demoPrincipals.admin())).map((r) => r.docname)).not.toContain(view!.name);
    expect((await versions(demoPrincipals.supervisor())).map((r) => r.docname)).not.toContain(view!.name);
    // Writes that skip the router (REST's /api/resource/Saved View) get the same checks from the DocType.
    const own = createScopedDb(demoPrincipals.medical(), { requestId: "t" }, registry);
    await expect(own.insert(SAVED_VIEW, { list: "clients", label: "Via REST", query: "status=sleeping" })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: [{ field: "query" }] });
    await expect(own.insert(SAVED_VIEW, { list: "clients", label: view!.label, query: "status=active" })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: [{ field: "label" }] });
    await expect(own.insert(SAVED_VIEW, { list: "tasks", label: "Other list", query: "status=active" })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: [{ field: "list" }] });
    await expect(superAdmin.update(SAVED_VIEW, view!.name, { label: "Hijacked" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(superAdmin.delete(SAVED_VIEW, view!.name)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // System jobs (maintenance) see every owner's rows.
    expect(await createScopedDb(systemPrincipal("test"), { requestId: "t" }, registry).exists(SAVED_VIEW, view!.name)).toBe(true);
  });

  it("a read-only role may still keep its own views (no grant needed for private rows)", async () => {
    const view = await supervisor().views.create({ list: "clients", label: "Supervisor's", query: "status=active" });
    expect(view.isDefault).toBe(false);
    await supervisor().views.delete({ name: view.name });
  });
});
