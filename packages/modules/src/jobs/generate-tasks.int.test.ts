import { createScopedDb, ScopedDb } from "@orchestrator/db";
import { closeDatabase } from "@orchestrator/db/system";
import { Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { activateTemplate } from "../clients/activate-template";
import { closeQueues, createRedisConnection, enqueueGenerateTasks, generateTasksJobId, getQueue } from "../queue";
import { registry } from "../registry";
import { createProcessors, processGenerateTasks } from "./index";
import { addDays, assignmentsOf, createTestClient, createTestTemplate, demoPrincipal, ensureSeeded, eventually, loadDemoPrincipal, tasksOf, versionsOf } from "./testing/fixtures";

const medical = () => createScopedDb(demoPrincipal("Medical Staff"), { requestId: "req-jobs-test" }, registry);
const templateTasks: [string, number][] = [["Nursing intake", 0], ["TB screening", 1], ["Lab work", 2]];

let connection: Redis;
let worker: Worker;
const failedAttempts: { id: string | undefined; error: string; tasksAtFailure: number }[] = [];

async function finished(jobId: string): Promise<Job> {
  return eventually(async () => {
    // State first, then the job: a job read before it finished would carry stale fields.
    const state = await getQueue("tasks").getJobState(jobId);
    const job = state === "completed" || state === "failed" ? await getQueue("tasks").getJob(jobId) : undefined;
    if (!job) throw new Error(`job ${jobId} is ${state}`);
    return job;
  });
}

beforeAll(async () => {
  await ensureSeeded();
  await getQueue("tasks").obliterate({ force: true });
  connection = createRedisConnection("worker");
  const processor = createProcessors({ loadPrincipal: loadDemoPrincipal }).tasks!;
  worker = new Worker("tasks", processor, { connection, concurrency: 2 });
  worker.on("failed", (job, error) => {
    // Observed between the failed attempt and its retry: what did the attempt leave in the database?
    void tasksOf(String(job?.data?.client)).then((rows) => failedAttempts.push({ id: job?.id, error: error.message, tasksAtFailure: rows.length }));
  });
  await worker.waitUntilReady();
});
beforeEach(() => { failedAttempts.length = 0; });
afterEach(() => vi.restoreAllMocks());
afterAll(async () => {
  await worker.close();
  await connection.quit();
  await getQueue("tasks").obliterate({ force: true });
  await closeQueues();
  await closeDatabase();
});

describe("generate-tasks on a real BullMQ worker", () => {
  it("activation queues one job that creates exactly the template's tasks", async () => {
    const client = await createTestClient("Medical");
    const template = await createTestTemplate(templateTasks);
    const assignment = await activateTemplate(medical(), { client, template: template.name }, enqueueGenerateTasks);
    const job = await finished(generateTasksJobId(client, template.name));

    expect(await job.getState()).toBe("completed");
    expect(job.returnvalue).toEqual({ created: 3, existing: 0 });
    const activatedOn = String(assignment.activated_at).slice(0, 10);
    const rows = await tasksOf(client);
    expect(rows.map((t) => [t.title, t.dueDate, t.department, t.category, t.sourceTemplate])).toEqual(
      templateTasks.map(([title, offset]) => [title, addDays(activatedOn, offset), "Medical", "medical", template.name]),
    );
    for (const t of rows) expect(await versionsOf("Task", t.name)).toHaveLength(1);
    // The activation, then the generation metadata: both audited on the client, by the user.
    const clientVersions = await versionsOf("Client", client);
    expect(clientVersions.map((v) => [v.action, v.owner])).toEqual([["update", "medical@demo.orchestrator.test"], ["update", "medical@demo.orchestrator.test"]]);
    const [row] = await assignmentsOf(client);
    const metadata = typeof row?.taskGenerationMetadata === "string" ? JSON.parse(row.taskGenerationMetadata) : row?.taskGenerationMetadata;
    expect(metadata).toMatchObject({ generated: 3, existing: 0, job: job.id });
  });

  it("activating twice: one assignment, one job, the same tasks", async () => {
    const client = await createTestClient("Medical");
    const template = await createTestTemplate(templateTasks);
    await activateTemplate(medical(), { client, template: template.name }, enqueueGenerateTasks);
    await finished(generateTasksJobId(client, template.name));
    const firstTasks = (await tasksOf(client)).map((t) => t.name);
    await activateTemplate(medical(), { client, template: template.name }, enqueueGenerateTasks);
    const job = await finished(generateTasksJobId(client, template.name));

    expect(job.attemptsMade).toBe(1);
    expect(job.returnvalue).toEqual({ created: 3, existing: 0 }); // still the first run's job: no second one
    expect(await assignmentsOf(client)).toHaveLength(1);
    expect((await tasksOf(client)).map((t) => t.name)).toEqual(firstTasks);
  });

  it("running the processor again for the same job (a retry after a crash) duplicates nothing", async () => {
    const client = await createTestClient("Medical");
    const template = await createTestTemplate(templateTasks);
    await activateTemplate(medical(), { client, template: template.name }, enqueueGenerateTasks);
    const job = await finished(generateTasksJobId(client, template.name));
    const again = await processGenerateTasks(job, { loadPrincipal: loadDemoPrincipal });
    expect(again).toEqual({ created: 0, existing: 3 });
    expect(await tasksOf(client)).toHaveLength(3);
  });

  it("a crash mid-job leaves nothing half-written and BullMQ's retry completes the work", async () => {
    const client = await createTestClient("Medical");
    const template = await createTestTemplate(templateTasks);
    const insert = ScopedDb.prototype.insert;
    let taskInserts = 0;
    vi.spyOn(ScopedDb.prototype, "insert").mockImplementation(async function (this: ScopedDb, doctype, body, options) {
      if (doctype === "Task" && (body as { client?: string }).client === client && ++taskInserts === 2) throw new Error("simulated crash mid-job");
      return insert.call(this, doctype, body, options);
    });
    await activateTemplate(medical(), { client, template: template.name }, enqueueGenerateTasks);
    const job = await finished(generateTasksJobId(client, template.name));

    expect(await job.getState()).toBe("completed");
    expect(job.attemptsMade).toBe(2);
    expect(failedAttempts).toEqual([{ id: job.id, error: "simulated crash mid-job", tasksAtFailure: 0 }]);
    expect(job.returnvalue).toEqual({ created: 3, existing: 0 });
    const rows = await tasksOf(client);
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((t) => t.sourceTemplateTask)).size).toBe(3);
  });

  it("an actor who no longer exists fails the job at once, without retries", async () => {
    const client = await createTestClient("Medical");
    const template = await createTestTemplate(templateTasks);
    await activateTemplate(medical(), { client, template: template.name }, enqueueGenerateTasks);
    await finished(generateTasksJobId(client, template.name));
    // A second template, enqueued for a user who has since been removed.
    const other = await createTestTemplate(templateTasks);
    await enqueueGenerateTasks({ client, template: other.name, actor: "gone@demo.orchestrator.test" });
    const job = await finished(generateTasksJobId(client, other.name));

    expect(await job.getState()).toBe("failed");
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toContain("gone@demo.orchestrator.test no longer exists or is disabled");
    expect(await tasksOf(client)).toHaveLength(3);
  });

  it("an actor who lost access fails the job at once (NOT FOUND is not retried)", async () => {
    const client = await createTestClient("Program");
    const template = await createTestTemplate(templateTasks);
    await enqueueGenerateTasks({ client, template: template.name, actor: "medical@demo.orchestrator.test" });
    const job = await finished(generateTasksJobId(client, template.name));
    expect(await job.getState()).toBe("failed");
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toMatch(/^NOT_FOUND: Client CL-T\w+ not found$/);
  });

  it("a malformed payload is refused without retries, and the reason names no values", async () => {
    await getQueue("tasks").add("generate-tasks", { client: "CL-X", template: "T", actor: "a@b.c", dob: "1970-01-01" }, { jobId: "bad-payload" });
    const job = await finished("bad-payload");
    expect(await job.getState()).toBe("failed");
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toContain("invalid generate-tasks payload");
    expect(job.failedReason).not.toContain("1970");
  });
});
