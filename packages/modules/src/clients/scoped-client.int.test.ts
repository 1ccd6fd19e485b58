import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError, countStatements, createScopedDb, MASK, type Principal, type ScopedDb } from "@orchestrator/db";
import { closeDatabase, schema, unsafeSystemDb } from "@orchestrator/db/system";
import { seedDemo } from "@orchestrator/db/testing";
import { count, eq } from "drizzle-orm";
import { registry } from "../registry";
import { demoPrincipals } from "../testing/principals";

const scope = (p: Principal): ScopedDb => createScopedDb(p, { requestId: "test" }, registry);
const admin = () => scope(demoPrincipals.admin());
const medical = () => scope(demoPrincipals.medical());
const program = () => scope(demoPrincipals.program());
const hr = () => scope(demoPrincipals.hr());
const supervisor = () => scope(demoPrincipals.supervisor());

async function versionCount(docname?: string): Promise<number> {
  const q = unsafeSystemDb().select({ n: count() }).from(schema.versions);
  const [row] = docname ? await q.where(eq(schema.versions.docname, docname)) : await q;
  return Number(row?.n ?? 0);
}

async function clientRow(name: string) {
  const [row] = await unsafeSystemDb().select().from(schema.clients).where(eq(schema.clients.name, name));
  return row;
}

async function expectAppError(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

let medicalClient = "";
let programClient = "";

beforeAll(async () => {
  await seedDemo(unsafeSystemDb(), { passwordHash: "x", clientCount: 40 });
  medicalClient = "CL-00001"; // odd numbers are Medical in the demo seed
  programClient = "CL-00002";
});
afterAll(async () => { await closeDatabase(); });

describe("reads: one predicate for list and get", () => {
  it("Medical Staff list shows only Medical clients, and every listed row can be fetched", async () => {
    const rows = await medical().list("Client", { fields: ["name", "department"], limit: 0 });
    expect(rows.length).toBe(20);
    expect(new Set(rows.map((r) => r.department))).toEqual(new Set(["Medical"]));
    for (const r of rows.slice(0, 5)) await expect(medical().get("Client", String(r.name))).resolves.toMatchObject({ name: r.name });
  });

  it("another department's client is NOT FOUND on get, and absent from list and count", async () => {
    await expectAppError(medical().get("Client", programClient), "NOT_FOUND");
    const listed = await medical().list("Client", { filters: [{ field: "name", operator: "=", value: programClient }] });
    expect(listed).toEqual([]);
    expect(await medical().count("Client", { filters: [{ field: "name", operator: "=", value: programClient }] })).toBe(0);
    expect(await program().count("Client")).toBe(20);
    expect(await admin().count("Client")).toBe(40);
  });

  it("a capped count stops after cap + 1 rows in scope", async () => {
    expect(await medical().count("Client", {}, { cap: 5 })).toBe(6);
    expect(await medical().count("Client", {}, { cap: 100 })).toBe(20);
    expect(await medical().count("Client", { filters: [{ field: "name", operator: "=", value: programClient }] }, { cap: 5 })).toBe(0);
  });

  it("HR sees every client's core record but no medical or program data", async () => {
    const doc = await hr().get("Client", medicalClient);
    expect(doc.first_name).toBeTruthy();
    expect(doc).not.toHaveProperty("medical_assignments");
    expect(doc).not.toHaveProperty("program_assignments");
    await expectAppError(hr().list("Task"), "FORBIDDEN");
    await expectAppError(hr().list("Medical Template"), "FORBIDDEN");
  });

  it("Program Staff read medical assignments of their clients; Super Admin reads both tables", async () => {
    const doc = await program().get("Client", programClient);
    expect(Array.isArray(doc.medical_assignments)).toBe(true);
    expect(Array.isArray(doc.program_assignments)).toBe(true);
    const full = await admin().get("Client", programClient);
    expect((full.medical_assignments as unknown[]).length).toBe(1);
  });

  it("tasks follow the client's department and the task's category", async () => {
    const tasks = await medical().list("Task", { fields: ["name", "department", "category"], limit: 0 });
    expect(tasks.length).toBeGreaterThan(0);
    expect(new Set(tasks.map((t) => t.department))).toEqual(new Set(["Medical"]));
    expect(new Set(tasks.map((t) => t.category))).toEqual(new Set(["medical", "program"]));
  });

  it("a get is at most 4 SQL statements and a list page 1, for every role", async () => {
    for (const s of [admin(), medical(), program(), hr(), supervisor()]) {
      const target = s.principal.departments.includes("Program") ? programClient : medicalClient;
      const get = await countStatements(() => s.get("Client", target));
      expect(get.statements).toBeLessThanOrEqual(4);
      const list = await countStatements(() => s.list("Client", { fields: ["name", "status"], filters: [{ field: "status", operator: "=", value: "active" }], limit: 50 }));
      expect(list.statements).toBe(1);
    }
  });

  it("each read of a client is written to the access log", async () => {
    const before = await unsafeSystemDb().select({ n: count() }).from(schema.accessLog).where(eq(schema.accessLog.docname, medicalClient));
    await medical().get("Client", medicalClient);
    const after = await unsafeSystemDb().select({ n: count() }).from(schema.accessLog).where(eq(schema.accessLog.docname, medicalClient));
    expect(Number(after[0]!.n)).toBe(Number(before[0]!.n) + 1);
  });
});

describe("writes: checked before and after, audited in the same transaction", () => {
  it("create stamps the department from the user, names from the series, and writes one Version", async () => {
    const doc = await medical().insert("Client", { first_name: "Ada", last_name: "Lovelace", dob: "1990-12-10", status: "active" });
    expect(doc.name).toMatch(/^CL-\d{5}$/);
    expect(doc.department).toBe("Medical");
    expect(await versionCount(doc.name)).toBe(1);
    const [version] = await unsafeSystemDb().select().from(schema.versions).where(eq(schema.versions.docname, doc.name));
    const data = (typeof version!.data === "string" ? JSON.parse(version!.data) : version!.data) as { changed: [string, unknown, unknown][] };
    expect(data.changed).toContainEqual(["dob", null, MASK]);
    expect(JSON.stringify(data)).not.toContain("1990-12-10");
  });

  it("creating in another department is refused and writes nothing", async () => {
    const before = await versionCount();
    await expectAppError(medical().insert("Client", { first_name: "X", last_name: "Y", department: "Program" }), "FORBIDDEN");
    expect(await versionCount()).toBe(before);
  });

  it("bad input is one VALIDATION error with a message per field, and writes nothing", async () => {
    const before = await admin().count("Client");
    const error = await expectAppError(admin().insert("Client", { last_name: 7, status: "sleeping", dob: "1990-02-31", shoe_size: 44, department: "Medical" }), "VALIDATION");
    const fields = error.fieldErrors.map((f) => f.field).sort();
    expect(fields).toEqual(["dob", "first_name", "last_name", "shoe_size", "status"]);
    expect(await admin().count("Client")).toBe(before);
  });

  it("a link to a missing document is a VALIDATION error", async () => {
    const error = await expectAppError(admin().insert("Client", { first_name: "A", last_name: "B", department: "Nowhere" }), "VALIDATION");
    expect(error.fieldErrors[0]?.field).toBe("department");
  });

  it("a discharge before the admission is refused on create and on an update of either date, and writes nothing", async () => {
    const before = await versionCount();
    const created = await expectAppError(medical().insert("Client", { first_name: "D", last_name: "Dates", admission_date: "2026-03-10", discharge_date: "2026-03-09" }), "VALIDATION");
    expect(created.fieldErrors).toEqual([{ field: "discharge_date", message: "Discharge date cannot be before the admission date" }]);
    expect(await versionCount()).toBe(before);

    const doc = await medical().insert("Client", { first_name: "D", last_name: "Dates", admission_date: "2026-03-10", discharge_date: "2026-03-10" });
    const afterCreate = await versionCount(doc.name);
    // Only the admission moves: checked against the discharge already stored.
    await expectAppError(medical().update("Client", doc.name, { admission_date: "2026-03-11" }), "VALIDATION");
    await expectAppError(medical().update("Client", doc.name, { discharge_date: "2026-01-01" }), "VALIDATION");
    expect(await clientRow(doc.name)).toMatchObject({ admissionDate: "2026-03-10", dischargeDate: "2026-03-10" });
    expect(await versionCount(doc.name)).toBe(afterCreate);
    await expect(medical().update("Client", doc.name, { discharge_date: "2026-04-01" })).resolves.toMatchObject({ discharge_date: "2026-04-01" });
  });

  it("update with a stale modified is a CONFLICT and changes nothing", async () => {
    const doc = await medical().get("Client", medicalClient);
    const fresh = await medical().update("Client", medicalClient, { first_name: "Renamed" }, { expectedModified: String(doc.modified) });
    expect(fresh.first_name).toBe("Renamed");
    const versions = await versionCount(medicalClient);
    await expectAppError(medical().update("Client", medicalClient, { first_name: "Stale" }, { expectedModified: String(doc.modified) }), "CONFLICT");
    expect((await clientRow(medicalClient))?.firstName).toBe("Renamed");
    expect(await versionCount(medicalClient)).toBe(versions);
  });

  it("a row cannot be moved out of the user's department", async () => {
    const versions = await versionCount(medicalClient);
    await expectAppError(medical().update("Client", medicalClient, { department: "Program" }), "FORBIDDEN");
    expect((await clientRow(medicalClient))?.department).toBe("Medical");
    expect(await versionCount(medicalClient)).toBe(versions);
  });

  it("another department's client cannot be updated or deleted (NOT FOUND)", async () => {
    await expectAppError(medical().update("Client", programClient, { first_name: "X" }), "NOT_FOUND");
    await expectAppError(medical().delete("Client", programClient), "NOT_FOUND");
    expect(await clientRow(programClient)).toBeTruthy();
  });

  it("a write to a category the user may only read is 403 and changes nothing", async () => {
    const doc = await program().get("Client", programClient);
    const rows = doc.medical_assignments as { name: string }[];
    const versions = await versionCount(programClient);
    await expectAppError(program().update("Client", programClient, { medical_assignments: [...rows, { template_id: "Intake Assessment" }] }), "FORBIDDEN");
    expect((await admin().get("Client", programClient)).medical_assignments).toHaveLength(rows.length);
    expect(await versionCount(programClient)).toBe(versions);
  });

  it("the Supervisor reads everything and can change nothing", async () => {
    expect(await supervisor().count("Client")).toBeGreaterThanOrEqual(40);
    await expectAppError(supervisor().insert("Client", { first_name: "A", last_name: "B", department: "Medical" }), "FORBIDDEN");
    await expectAppError(supervisor().update("Client", programClient, { first_name: "X" }), "FORBIDDEN");
    await expectAppError(supervisor().delete("Client", programClient), "FORBIDDEN");
  });

  it("child rows are added, changed and removed with one Version describing all of it", async () => {
    const doc = await program().get("Client", programClient);
    const rows = doc.program_assignments as { name: string; program_id: string }[];
    const versions = await versionCount(programClient);
    const updated = await program().update("Client", programClient, { program_assignments: [{ name: rows[0]!.name, status: "paused" }, { program_id: "Family Program", group_assignment: "Group Z" }] });
    const after = updated.program_assignments as { name: string; status: string; program_id: string }[];
    expect(after).toHaveLength(2);
    expect(after[0]).toMatchObject({ name: rows[0]!.name, status: "paused" });
    expect(after[1]).toMatchObject({ program_id: "Family Program" });
    expect(await versionCount(programClient)).toBe(versions + 1);
    const removed = await program().update("Client", programClient, { program_assignments: [after[1]] });
    expect(removed.program_assignments).toHaveLength(1);
  });

  it("a failure inside the transaction leaves neither the change nor a Version row", async () => {
    const s = admin();
    const versions = await versionCount();
    const before = await clientRow(medicalClient);
    await expect(s.transaction(async (tx) => {
      await tx.update("Client", medicalClient, { last_name: "Halfway" });
      throw new Error("crash after the write");
    })).rejects.toThrow("crash after the write");
    expect((await clientRow(medicalClient))?.lastName).toBe(before?.lastName);
    expect(await versionCount()).toBe(versions);
  });

  it("delete removes the document and its child rows and writes a delete Version", async () => {
    const doc = await admin().insert("Client", { first_name: "Del", last_name: "Me", department: "Program", program_assignments: [{ program_id: "Family Program" }] });
    await admin().delete("Client", doc.name);
    expect(await clientRow(doc.name)).toBeUndefined();
    const children = await unsafeSystemDb().select().from(schema.programAssignments).where(eq(schema.programAssignments.parent, doc.name));
    expect(children).toEqual([]);
    const [v] = await unsafeSystemDb().select().from(schema.versions).where(eq(schema.versions.docname, doc.name)).orderBy(schema.versions.id).limit(1).offset(1);
    expect(v?.action).toBe("delete");
  });

  it("Version is read-only and follows the reader's scope", async () => {
    await expectAppError(admin().insert("Version", { ref_doctype: "Client" }), "FORBIDDEN");
    const mine = await medical().list("Version", { fields: ["docname"], filters: [{ field: "ref_doctype", operator: "=", value: "Client" }], limit: 0 });
    expect(mine.some((v) => v.docname === programClient)).toBe(false);
    const theirs = await program().list("Version", { fields: ["docname", "data"], filters: [{ field: "docname", operator: "=", value: programClient }], limit: 0 });
    expect(theirs.length).toBeGreaterThan(0);
  });
});

describe("merged roles never widen writes", () => {
  it("Supervisor + Medical Staff reads every client but writes only Medical ones", async () => {
    const p = demoPrincipals.medical();
    const supervisorGrants = demoPrincipals.supervisor().grants;
    const { mergeGrants, defaultMatrix } = await import("@orchestrator/db");
    const rows = (["Supervisor", "Medical Staff"] as const).flatMap((role) => Object.entries(defaultMatrix[role]).map(([category, g]) => ({ category, access: g!.access, scope: g!.scope })));
    const both = scope({ ...p, roles: ["Supervisor", "Medical Staff"], grants: mergeGrants(rows) });
    expect(supervisorGrants.client?.scope).toBe("all");
    await expect(both.get("Client", programClient)).resolves.toMatchObject({ name: programClient });
    await expectAppError(both.update("Client", programClient, { first_name: "Nope" }), "FORBIDDEN");
    const doc = await both.get("Client", medicalClient);
    await expect(both.update("Client", medicalClient, { first_name: "Yes" }, { expectedModified: String(doc.modified) })).resolves.toMatchObject({ first_name: "Yes" });
  });
});
