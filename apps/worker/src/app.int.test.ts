import { ScopedDb } from "@orchestrator/db";
import { closeDatabase } from "@orchestrator/db/system";
import { closeQueues, enqueueGenerateTasks, generateTasksJobId, getQueue } from "@orchestrator/modules/queue";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startWorker, type WorkerApp } from "./app";
import { WorkerConfigError } from "./consumed-queues";
import type { LogFields, Logger } from "./log";
import { clientWithActiveAssignment, ensureSeeded, eventually, loadDemoPrincipal, PHI_MARKER, taskCount } from "./testing/fixtures";

const actor = "medical@demo.orchestrator.test";
let logs: { level: string; msg: string; fields: LogFields }[] = [];
const log: Logger = (level, msg, fields = {}) => { logs.push({ level, msg, fields }); };
let app: WorkerApp | undefined;

const start = (extra: Partial<Parameters<typeof startWorker>[0]> = {}) => startWorker({ loadPrincipal: loadDemoPrincipal, port: 0, concurrency: 2, shutdownTimeoutMs: 10_000, log, ...extra });
const url = (path: string) => `http://127.0.0.1:${app!.port}${path}`;

async function completed(jobId: string): Promise<void> {
  await eventually(async () => {
    const state = await getQueue("tasks").getJobState(jobId);
    if (state !== "completed") throw new Error(`job is ${state}`);
  });
}

beforeAll(async () => {
  await ensureSeeded();
  await getQueue("tasks").obliterate({ force: true });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await app?.shutdown();
  app = undefined;
  logs = [];
});
afterAll(async () => {
  await getQueue("tasks").obliterate({ force: true });
  await closeQueues();
  await closeDatabase();
});

describe("worker", () => {
  it("runs generate-tasks, logs ids and outcome only, and counts it in /metrics", async () => {
    app = await start();
    const { client, template } = await clientWithActiveAssignment(3);
    const { jobId } = await enqueueGenerateTasks({ client, template, actor });
    await completed(jobId);
    expect(await taskCount(client)).toBe(3);

    const done = logs.find((l) => l.msg === "job completed");
    expect(done?.fields).toMatchObject({ queue: "tasks", jobId, name: "generate-tasks", attempt: 1, outcome: "completed" });
    expect(typeof done?.fields.durationMs).toBe("number");
    expect(JSON.stringify(logs)).not.toContain(PHI_MARKER);
    expect(JSON.stringify(logs)).not.toContain(actor); // the payload is not logged either

    const metrics = await (await fetch(url("/metrics"))).text();
    expect(metrics).toContain('orchestrator_jobs_completed_total{queue="tasks"} 1');
    expect(metrics).toContain('orchestrator_jobs_failed_total{queue="tasks"} 0');
    expect(metrics).toMatch(/orchestrator_queue_jobs\{queue="tasks",state="completed"\} [1-9]/);
    expect(metrics).toContain('orchestrator_queue_jobs{queue="sla",state="waiting"} 0');
    expect(metrics).toContain('orchestrator_jobs_stalled_total{queue="tasks"} 0');
    expect(metrics).toMatch(/orchestrator_job_duration_seconds_count\{queue="tasks"\} 1\n/);
  });

  it("consumes only the queues WORKER_QUEUES names and installs only their schedules", async () => {
    const noop = async () => undefined;
    const everyDay = { name: "generate-tasks" as const, data: {}, everyMinutes: 24 * 60, opts: {} };
    app = await start({
      processors: { tasks: noop, reports: noop },
      queues: "reports",
      schedules: [{ ...everyDay, id: "daily-report", queue: "reports" }, { ...everyDay, id: "not-here", queue: "tasks" }],
    });
    try {
      expect([...app.registered.workers.keys()]).toEqual(["reports"]);
      expect(await app.schedulesApplied).toEqual({ upserted: ["reports/daily-report"], removed: [] });
      expect((await getQueue("tasks").getJobSchedulers()).map((s) => s.key)).toEqual([]);
      expect(logs.find((l) => l.msg === "worker started")?.fields.queues).toBe("reports");
    } finally {
      await getQueue("reports").obliterate({ force: true });
    }
  });

  it("refuses to start when WORKER_QUEUES names an unknown queue", async () => {
    await expect(start({ queues: "tasks,taks" })).rejects.toBeInstanceOf(WorkerConfigError);
  });

  it("/healthz answers 200 when Redis and the database answer, 503 when one does not", async () => {
    app = await start();
    const ok = await fetch(url("/healthz"));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: "ok", checks: { redis: "ok", database: "ok" } });
    await app.shutdown();

    app = await start({ checks: { redis: async () => "PONG", database: () => Promise.reject(new Error("connect ECONNREFUSED")) } });
    const down = await fetch(url("/healthz"));
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: "unavailable", checks: { redis: "ok", database: "connect ECONNREFUSED" } });
  });

  it("counts a failed job and logs it without its payload", async () => {
    app = await start();
    const { client, template } = await clientWithActiveAssignment(1);
    const { jobId } = await enqueueGenerateTasks({ client, template, actor: "gone@demo.orchestrator.test" });
    await eventually(async () => { if ((await getQueue("tasks").getJobState(jobId)) !== "failed") throw new Error("not failed yet"); });
    const failed = logs.find((l) => l.msg === "job failed");
    expect(failed?.fields).toMatchObject({ jobId, outcome: "failed" });
    expect(failed?.level).toBe("error");
    const metrics = await (await fetch(url("/metrics"))).text();
    expect(metrics).toContain('orchestrator_jobs_failed_final_total{queue="tasks"} 1');
  });

  it("recovers by itself when its Redis connections drop", async () => {
    app = await start();
    await app.registered.workers.get("tasks")!.waitUntilReady();
    const admin = new Redis(process.env.REDIS_URL!);
    const db = Number(new URL(process.env.REDIS_URL!).pathname.slice(1) || 0);
    const own = await admin.client("ID");
    const list = String(await admin.client("LIST"));
    const ids = list.split("\n").filter((l) => l.includes(` db=${db} `)).map((l) => /id=(\d+)/.exec(l)?.[1]).filter((id) => id && Number(id) !== Number(own));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) await admin.client("KILL", "ID", id!);
    await admin.quit();

    const { client, template } = await clientWithActiveAssignment(2);
    const { jobId } = await enqueueGenerateTasks({ client, template, actor });
    await completed(jobId);
    expect(await taskCount(client)).toBe(2);
  });

  it("graceful shutdown lets the running job finish, then closes queues, Redis and the database in order", async () => {
    app = await start();
    const insert = ScopedDb.prototype.insert;
    vi.spyOn(ScopedDb.prototype, "insert").mockImplementation(async function (this: ScopedDb, doctype, body, options) {
      await new Promise((r) => setTimeout(r, 400)); // a slow job: ~1.2 s for three tasks
      return insert.call(this, doctype, body, options);
    });
    const { client, template } = await clientWithActiveAssignment(3);
    const { jobId } = await enqueueGenerateTasks({ client, template, actor });
    await eventually(async () => { if ((await getQueue("tasks").getJobState(jobId)) !== "active") throw new Error("not active yet"); }, 5_000);

    const stopping = app.shutdown();
    const health = await fetch(url("/healthz")); // still listening while jobs finish, but no longer healthy
    expect(health.status).toBe(503);
    expect(await stopping).toBe("graceful");
    app = undefined;

    expect(await getQueue("tasks").getJobState(jobId)).toBe("completed");
    expect(await taskCount(client)).toBe(3);
    const order = logs.map((l) => l.msg).filter((m) => ["job completed", "shutdown: workers closed", "shutdown: queues closed", "shutdown: database closed"].includes(m));
    expect(order).toEqual(["job completed", "shutdown: workers closed", "shutdown: queues closed", "shutdown: database closed"]);
  });

  it("a shutdown that outlasts its timeout stops the job and reports it as forced", async () => {
    let release: () => void = () => {};
    const stuck = new Promise<void>((r) => { release = r; });
    app = await start({ shutdownTimeoutMs: 1_000, processors: { tasks: async () => stuck } });
    const { client, template } = await clientWithActiveAssignment(1);
    const jobId = generateTasksJobId(client, template);
    await enqueueGenerateTasks({ client, template, actor });
    await eventually(async () => { if ((await getQueue("tasks").getJobState(jobId)) !== "active") throw new Error("not active yet"); }, 5_000);

    const started = Date.now();
    expect(await app.shutdown()).toBe("forced");
    app = undefined;
    expect(Date.now() - started).toBeLessThan(5_000);
    release();
  });
});
