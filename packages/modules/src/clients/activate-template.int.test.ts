import { AppErrorCode, createScopedDb } from "@orchestrator/db";
import { closeDatabase, schema as s, unsafeSystemDb } from "@orchestrator/db/system";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignmentsOf, createTestClient, createTestTemplate, demoPrincipal, ensureSeeded, versionsOf } from "../jobs/testing/fixtures";
import { closeQueues, enqueueGenerateTasks, generateTasksJobId, getQueue, type GenerateTasksPayload } from "../queue";
import { registry } from "../registry";
import { activateTemplate } from "./activate-template";

const scopedAs = (role: Parameters<typeof demoPrincipal>[0]) => createScopedDb(demoPrincipal(role), { requestId: `req-${role.replace(" ", "-")}` }, registry);

function recorder() {
  const calls: { payload: GenerateTasksPayload; options: unknown }[] = [];
  const enqueue = async (payload: GenerateTasksPayload, options?: unknown) => {
    calls.push({ payload, options });
    return { jobId: generateTasksJobId(payload.client, payload.template) };
  };
  return { calls, enqueue };
}

beforeAll(async () => {
  await ensureSeeded();
  await getQueue("tasks").obliterate({ force: true });
});
afterAll(async () => {
  await getQueue("tasks").obliterate({ force: true });
  await closeQueues();
  await closeDatabase();
});

describe("activateTemplate", () => {
  it("adds an active assignment with activated_at, audits it, then enqueues generate-tasks with ids only", async () => {
    const client = await createTestClient("Medical");
    const template = await createTestTemplate([["One", 0]]);
    const { calls, enqueue } = recorder();
    const before = Date.now();
    const assignment = await activateTemplate(scopedAs("Medical Staff"), { client, template: template.name }, enqueue);

    expect(assignment).toMatchObject({ template_id: template.name, status: "active" });
    expect(Date.parse(`${String(assignment.activated_at).replace(" ", "T")}Z`)).toBeGreaterThanOrEqual(before - 1000);
    const rows = await assignmentsOf(client);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ templateId: template.name, status: "active" });

    const versions = await versionsOf("Client", client);
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ action: "update", owner: "medical@demo.orchestrator.test", requestId: "req-Medical-Staff" });
    const data = (typeof versions[0]!.data === "string" ? JSON.parse(versions[0]!.data) : versions[0]!.data) as { added: [string, Record<string, unknown>][] };
    expect(data.added).toHaveLength(1);
    expect(data.added[0]![0]).toBe("medical_assignments");
    expect(data.added[0]![1]).toMatchObject({ template_id: template.name, status: "active" });

    expect(calls).toEqual([{ payload: { client, template: template.name, actor: "medical@demo.orchestrator.test", requestId: "req-Medical-Staff" }, options: { replace: "failed" } }]);
  });

  it("activating twice keeps one assignment, one Version and one job in Redis", async () => {
    const client = await createTestClient("Medical");
    const template = await createTestTemplate([["One", 0], ["Two", 2]]);
    const queue = getQueue("tasks");
    const countJobs = async () => Object.values(await queue.getJobCounts("waiting", "delayed", "prioritized", "active", "completed", "failed")).reduce((a, b) => a + b, 0);
    const jobsBefore = await countJobs();

    const first = await activateTemplate(scopedAs("Medical Staff"), { client, template: template.name }, enqueueGenerateTasks);
    const second = await activateTemplate(scopedAs("Medical Staff"), { client, template: template.name }, enqueueGenerateTasks);

    expect(second.name).toBe(first.name);
    expect(second.activated_at).toBe(first.activated_at);
    expect(await assignmentsOf(client)).toHaveLength(1);
    expect(await versionsOf("Client", client)).toHaveLength(1);
    expect((await countJobs()) - jobsBefore).toBe(1);
    const job = await queue.getJob(generateTasksJobId(client, template.name));
    expect(job?.name).toBe("generate-tasks");
    expect(job?.data).toEqual({ client, template: template.name, actor: "medical@demo.orchestrator.test", requestId: "req-Medical-Staff" });
  });

  it("reactivates an inactive assignment in place with a new activated_at and asks for a fresh job", async () => {
    const client = await createTestClient("Medical");
    const template = await createTestTemplate([["One", 0]]);
    const { calls, enqueue } = recorder();
    const first = await activateTemplate(scopedAs("Medical Staff"), { client, template: template.name }, enqueue);
    await unsafeSystemDb().update(s.medicalAssignments).set({ status: "inactive" }).where(eq(s.medicalAssignments.parent, client));

    const again = await activateTemplate(scopedAs("Medical Staff"), { client, template: template.name }, enqueue);
    expect(again.name).toBe(first.name);
    expect(again.status).toBe("active");
    expect(String(again.activated_at) > String(first.activated_at)).toBe(true);
    expect(await assignmentsOf(client)).toHaveLength(1);
    expect(calls.map((c) => c.options)).toEqual([{ replace: "failed" }, { replace: "finished" }]);
  });

  it("Program Staff (medical read-only) gets FORBIDDEN and nothing changes", async () => {
    const client = await createTestClient("Program");
    const template = await createTestTemplate([["One", 0]]);
    const { calls, enqueue } = recorder();
    await expect(activateTemplate(scopedAs("Program Staff"), { client, template: template.name }, enqueue)).rejects.toMatchObject({ code: AppErrorCode.Forbidden });
    expect(await assignmentsOf(client)).toHaveLength(0);
    expect(await versionsOf("Client", client)).toHaveLength(0);
    expect(calls).toHaveLength(0);
  });

  it("Program Staff gets FORBIDDEN even when the assignment is already active", async () => {
    const client = await createTestClient("Program");
    const template = await createTestTemplate([["One", 0]]);
    await activateTemplate(scopedAs("Super Admin"), { client, template: template.name }, recorder().enqueue);
    const { calls, enqueue } = recorder();
    await expect(activateTemplate(scopedAs("Program Staff"), { client, template: template.name }, enqueue)).rejects.toMatchObject({ code: AppErrorCode.Forbidden });
    expect(calls).toHaveLength(0);
  });

  it("Medical Staff activating for a Program-department client gets NOT FOUND and nothing changes", async () => {
    const client = await createTestClient("Program");
    const template = await createTestTemplate([["One", 0]]);
    const { calls, enqueue } = recorder();
    await expect(activateTemplate(scopedAs("Medical Staff"), { client, template: template.name }, enqueue)).rejects.toMatchObject({ code: AppErrorCode.NotFound });
    expect(await assignmentsOf(client)).toHaveLength(0);
    expect(await versionsOf("Client", client)).toHaveLength(0);
    expect(calls).toHaveLength(0);
  });

  it("refuses a missing or inactive template", async () => {
    const client = await createTestClient("Medical");
    const inactive = await createTestTemplate([["One", 0]], { active: false });
    const { calls, enqueue } = recorder();
    await expect(activateTemplate(scopedAs("Medical Staff"), { client, template: "No Such Template" }, enqueue)).rejects.toMatchObject({ code: AppErrorCode.NotFound });
    await expect(activateTemplate(scopedAs("Medical Staff"), { client, template: inactive.name }, enqueue)).rejects.toMatchObject({ code: AppErrorCode.Validation });
    expect(await assignmentsOf(client)).toHaveLength(0);
    expect(calls).toHaveLength(0);
  });

  it("the job payload refuses anything but ids (no PHI reaches Redis)", async () => {
    const bad = { client: "CL-1", template: "T", actor: "a@b.c", first_name: "Ada" } as unknown as GenerateTasksPayload;
    await expect(enqueueGenerateTasks(bad)).rejects.toThrow();
    expect(await getQueue("tasks").getJob(generateTasksJobId("CL-1", "T"))).toBeUndefined();
  });
});
