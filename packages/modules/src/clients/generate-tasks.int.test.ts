import { AppError, AppErrorCode, createScopedDb, ScopedDb } from "@orchestrator/db";
import { closeDatabase, schema as s, unsafeSystemDb } from "@orchestrator/db/system";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { addDays, assignmentsOf, createTestClient, createTestTemplate, demoPrincipal, ensureSeeded, tasksOf, versionsOf } from "../jobs/testing/fixtures";
import { registry } from "../registry";
import { activateTemplate } from "./activate-template";
import { generateTasksForAssignment } from "./generate-tasks";

const medical = () => createScopedDb(demoPrincipal("Medical Staff"), { requestId: "req-generate-test" }, registry);
const noEnqueue = async () => ({ jobId: "none" });
const templateTasks: [string, number][] = [["Baseline vitals", 0], ["Physician assessment", 1], ["Taper review", 3], ["Sign-off", 7]];

async function activated() {
  const client = await createTestClient("Medical");
  const template = await createTestTemplate(templateTasks);
  const assignment = await activateTemplate(medical(), { client, template: template.name }, noEnqueue);
  return { client, template, assignment };
}

beforeAll(ensureSeeded);
afterEach(() => vi.restoreAllMocks());
afterAll(closeDatabase);

describe("generateTasksForAssignment", () => {
  it("creates exactly the template's tasks: title, due date, department, category, source", async () => {
    const { client, template, assignment } = await activated();
    const result = await generateTasksForAssignment(medical(), { client, template: template.name, job: "job-1" });
    expect(result).toEqual({ created: 4, existing: 0 });

    const activatedOn = String(assignment.activated_at).slice(0, 10);
    const rows = await tasksOf(client);
    expect(rows.map((t) => [t.title, t.dueDate, t.department, t.category, t.status, t.sourceTemplate]).sort()).toEqual(
      templateTasks.map(([title, offset]) => [title, addDays(activatedOn, offset), "Medical", "medical", "open", template.name]).sort(),
    );
    expect(rows.map((t) => t.sourceTemplateTask).sort()).toEqual(template.tasks.map((t) => t.name).sort());

    const [row] = await assignmentsOf(client);
    const metadata = typeof row?.taskGenerationMetadata === "string" ? JSON.parse(row.taskGenerationMetadata) : row?.taskGenerationMetadata;
    expect(metadata).toMatchObject({ generated: 4, existing: 0, job: "job-1" });
  });

  it("writes a create Version per task, by the actor, with the request id", async () => {
    const { client, template } = await activated();
    await generateTasksForAssignment(medical(), { client, template: template.name });
    const rows = await tasksOf(client);
    for (const task of rows) {
      const versions = await versionsOf("Task", task.name);
      expect(versions).toHaveLength(1);
      expect(versions[0]).toMatchObject({ action: "create", owner: "medical@demo.orchestrator.test", requestId: "req-generate-test" });
    }
    expect(rows.every((t) => t.owner === "medical@demo.orchestrator.test")).toBe(true);
  });

  it("is idempotent: a second run creates nothing and counts what exists", async () => {
    const { client, template } = await activated();
    await generateTasksForAssignment(medical(), { client, template: template.name });
    const again = await generateTasksForAssignment(medical(), { client, template: template.name });
    expect(again).toEqual({ created: 0, existing: 4 });
    expect(await tasksOf(client)).toHaveLength(4);
  });

  it("two concurrent runs still make one task per template task", async () => {
    const { client, template } = await activated();
    const results = await Promise.all([generateTasksForAssignment(medical(), { client, template: template.name }), generateTasksForAssignment(medical(), { client, template: template.name })]);
    expect(results.map((r) => r.created).sort()).toEqual([0, 4]);
    expect(await tasksOf(client)).toHaveLength(4);
  });

  it("waits for a deactivation in progress and then respects it (the client row is locked)", async () => {
    const { client, template } = await activated();
    const admin = createScopedDb(demoPrincipal("Super Admin"), {}, registry);
    let release: () => void = () => {};
    let locked: () => void = () => {};
    const holding = new Promise<void>((r) => { locked = r; });
    const deactivating = admin.transaction(async (tx) => {
      const doc = await tx.get("Client", client, { forUpdate: true, logAccess: false });
      const rows = doc.medical_assignments as { name: string }[];
      await tx.update("Client", client, { medical_assignments: rows.map((r) => ({ name: r.name, status: "inactive" })) });
      locked();
      await new Promise<void>((r) => { release = r; });
    });
    await holding;
    const generating = generateTasksForAssignment(medical(), { client, template: template.name });
    await new Promise((r) => setTimeout(r, 300));
    release();
    await deactivating;
    expect(await generating).toEqual({ created: 0, existing: 0 });
    expect(await tasksOf(client)).toHaveLength(0);
  });

  it("generates nothing for a missing or an inactive assignment", async () => {
    const client = await createTestClient("Medical");
    const template = await createTestTemplate(templateTasks);
    expect(await generateTasksForAssignment(medical(), { client, template: template.name })).toEqual({ created: 0, existing: 0 });

    await activateTemplate(medical(), { client, template: template.name }, noEnqueue);
    await unsafeSystemDb().update(s.medicalAssignments).set({ status: "inactive" }).where(eq(s.medicalAssignments.parent, client));
    expect(await generateTasksForAssignment(medical(), { client, template: template.name })).toEqual({ created: 0, existing: 0 });
    expect(await tasksOf(client)).toHaveLength(0);
  });

  it("a crash half-way leaves nothing behind, and the rerun completes", async () => {
    const { client, template } = await activated();
    const insert = ScopedDb.prototype.insert;
    let calls = 0;
    vi.spyOn(ScopedDb.prototype, "insert").mockImplementation(async function (this: ScopedDb, doctype, body, options) {
      if (doctype === "Task" && ++calls === 3) throw new Error("simulated crash after two inserts");
      return insert.call(this, doctype, body, options);
    });
    await expect(generateTasksForAssignment(medical(), { client, template: template.name })).rejects.toThrow("simulated crash");
    expect(calls).toBe(3);
    expect(await tasksOf(client)).toHaveLength(0);
    const [row] = await assignmentsOf(client);
    expect(row?.taskGenerationMetadata ?? null).toBeNull();

    vi.restoreAllMocks();
    expect(await generateTasksForAssignment(medical(), { client, template: template.name })).toEqual({ created: 4, existing: 0 });
    expect(await tasksOf(client)).toHaveLength(4);
  });

  it("survives a concurrent writer winning the unique key: retries once and counts its row", async () => {
    const { client, template } = await activated();
    const insert = ScopedDb.prototype.insert;
    const third = template.tasks[2]!;
    let raced = false;
    vi.spyOn(ScopedDb.prototype, "insert").mockImplementation(async function (this: ScopedDb, doctype, body, options) {
      if (doctype === "Task" && !raced) {
        raced = true;
        // Another connection commits the third task while this transaction is under way.
        await unsafeSystemDb().insert(s.tasks).values({ name: `TASK-RACE-${client}`, client, department: "Medical", category: "medical", title: third.title, sourceTemplate: template.name, sourceTemplateTask: third.name, creation: "2026-01-01 00:00:00", modified: "2026-01-01 00:00:00", owner: "other", modifiedBy: "other" });
      }
      return insert.call(this, doctype, body, options);
    });
    expect(await generateTasksForAssignment(medical(), { client, template: template.name })).toEqual({ created: 3, existing: 1 });
    const rows = await tasksOf(client);
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((t) => t.sourceTemplateTask)).size).toBe(4);
  });

  it("fails with FORBIDDEN for an actor who cannot read medical data", async () => {
    const { client, template } = await activated();
    const hr = createScopedDb(demoPrincipal("HR Manager"), {}, registry);
    await expect(generateTasksForAssignment(hr, { client, template: template.name })).rejects.toMatchObject({ code: AppErrorCode.Forbidden });
    expect(await tasksOf(client)).toHaveLength(0);
  });
});

describe("server-managed fields (ScopedDb serverValues)", () => {
  it("a request body cannot set a read-only field; trusted service code can", async () => {
    const client = await createTestClient("Medical");
    const template = await createTestTemplate([["One", 0]]);
    const scoped = medical();
    const fromBody = await scoped.insert("Task", { client, category: "medical", title: "From a body", source_template: template.name, source_template_task: "forged" });
    expect(fromBody.source_template ?? null).toBeNull();
    expect(fromBody.source_template_task ?? null).toBeNull();

    const fromService = await scoped.insert("Task", { client, category: "medical", title: "From the service" }, { serverValues: { source_template: template.name, source_template_task: "tt-1" } });
    expect(fromService).toMatchObject({ source_template: template.name, source_template_task: "tt-1" });
  });

  it("serverValues refuses fields that are not server-managed and still checks permissions", async () => {
    const client = await createTestClient("Medical");
    await expect(medical().insert("Task", { client, category: "medical", title: "x" }, { serverValues: { title: "sneaky" } })).rejects.toThrow("not a server-managed field");
    const program = createScopedDb(demoPrincipal("Program Staff"), {}, registry);
    await expect(program.insert("Task", { client, category: "medical", title: "x", department: "Medical" }, { serverValues: { source_template_task: "tt" } })).rejects.toBeInstanceOf(AppError);
  });
});
