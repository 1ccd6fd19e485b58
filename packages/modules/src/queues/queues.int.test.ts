import { AppError, type Principal } from "@orchestrator/db";
import { closeDatabase, schema, unsafeSystemDb } from "@orchestrator/db/system";
import { TRPCError } from "@trpc/server";
import { UnrecoverableError, Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { closeRedis } from "@orchestrator/auth";
import { eventually } from "@orchestrator/db/testing";
import { closeQueues, createRedisConnection, getQueue } from "../queue";
import { createCaller } from "../root";
import { demoPrincipals } from "../testing/principals";
import { contextFor } from "../trpc/context";
import { discardFailedJob, retryAllFailed, retryFailedJob } from "./actions";
import { listFailedJobs, listQueues } from "./service";

// A queue no module uses yet, with a processor that fails while `failing` holds the job's id.
const QUEUE = "maintenance" as const;
const SECRET = "payload-marker-not-for-admins";
const failing = new Set<string>();
let worker: Worker;
let connection: Redis;

const actor = (principal: Principal) => ({ principal, meta: { requestId: "queues-test", ip: "127.0.0.1" } });
const admin = actor(demoPrincipals.admin());

async function stateOf(jobId: string): Promise<string> {
  return getQueue(QUEUE).getJobState(jobId);
}

async function until(jobId: string, state: "failed" | "completed"): Promise<void> {
  await eventually(async () => { if ((await stateOf(jobId)) !== state) throw new Error(`job ${jobId} is not ${state} yet`); });
}

/** Adds a job that fails (for good: one attempt) and waits until it has. */
async function failedJob(jobId: string): Promise<void> {
  failing.add(jobId);
  await getQueue(QUEUE).add("flaky", { secret: SECRET }, { jobId, attempts: 1 });
  await until(jobId, "failed");
}

async function auditRows(jobId: string) {
  return unsafeSystemDb().select().from(schema.versions).where(and(eq(schema.versions.refDoctype, "Queue Job"), eq(schema.versions.docname, `${QUEUE}/${jobId}`)));
}

beforeAll(async () => {
  await getQueue(QUEUE).obliterate({ force: true });
  connection = createRedisConnection("worker");
  worker = new Worker(QUEUE, async (job: Job) => {
    if (failing.has(String(job.id))) throw new UnrecoverableError(`flaky job ${job.id} refused`);
    return "done";
  }, { connection });
  await worker.waitUntilReady();
});
beforeEach(() => failing.clear());
afterAll(async () => {
  await worker.close();
  await connection.quit();
  await getQueue(QUEUE).obliterate({ force: true });
  await closeQueues();
  await closeRedis();
  await closeDatabase();
});

describe("queue administration service (real Redis and MariaDB)", () => {
  it("lists every queue with counts per state and its schedulers", async () => {
    await failedJob("list-1");
    await getQueue(QUEUE).upsertJobScheduler("nightly-cleanup", { pattern: "0 3 * * *" }, { name: "cleanup", data: {} });
    try {
      const queues = await listQueues(admin);
      expect(queues.map((q) => q.name)).toEqual(["tasks", "sync", "sla", "reports", "email", "notifications", "maintenance"]);
      const maintenance = queues.find((q) => q.name === QUEUE)!;
      expect(maintenance.counts.failed).toBeGreaterThanOrEqual(1);
      expect(Object.keys(maintenance.counts).sort()).toEqual(["active", "completed", "delayed", "failed", "paused", "waiting"]);
      expect(maintenance.schedulers).toEqual([expect.objectContaining({ id: "nightly-cleanup", jobName: "cleanup", pattern: "0 3 * * *", everyMs: null })]);
      expect(maintenance.schedulers[0]!.nextRunAt).toBeGreaterThan(Date.now());
    } finally {
      await getQueue(QUEUE).removeJobScheduler("nightly-cleanup");
    }
  });

  it("lists failed jobs with their error and attempts, never their data", async () => {
    await failedJob("meta-1");
    const { rows, total } = await listFailedJobs(admin, { queue: QUEUE, start: 0, limit: 50 });
    const row = rows.find((r) => r.id === "meta-1");
    expect(row).toEqual({ id: "meta-1", name: "flaky", failedReason: "flaky job meta-1 refused", attemptsMade: 1, createdAt: expect.any(Number), processedAt: expect.any(Number), failedAt: expect.any(Number) });
    expect(total).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(rows)).not.toContain(SECRET);
  });

  it("a retried job runs again and completes; the retry is audited by the admin", async () => {
    await failedJob("retry-1");
    failing.delete("retry-1"); // whatever made it fail is fixed
    expect(await retryFailedJob(admin, { queue: QUEUE, jobId: "retry-1" })).toEqual({ jobId: "retry-1" });
    await until("retry-1", "completed");
    const job = await getQueue(QUEUE).getJob("retry-1");
    expect(job?.attemptsMade).toBe(2);
    const [audit, ...more] = await auditRows("retry-1");
    expect(more).toEqual([]);
    expect(audit).toMatchObject({ action: "update", owner: "admin@demo.orchestrator.test", requestId: "queues-test", ip: "127.0.0.1", data: { changed: [["state", "failed", "waiting"]] } });
    expect(JSON.stringify(audit!.data)).not.toContain(SECRET);
  });

  it("a retry that fails again leaves the job failed with one more attempt", async () => {
    await failedJob("retry-again");
    await retryFailedJob(admin, { queue: QUEUE, jobId: "retry-again" });
    await eventually(async () => { if ((await getQueue(QUEUE).getJob("retry-again"))?.attemptsMade !== 2) throw new Error("not retried yet"); });
    await until("retry-again", "failed");
  });

  it("discard removes the failed job, audited as a delete", async () => {
    await failedJob("discard-1");
    await discardFailedJob(admin, { queue: QUEUE, jobId: "discard-1" });
    expect(await getQueue(QUEUE).getJob("discard-1")).toBeUndefined();
    expect((await listFailedJobs(admin, { queue: QUEUE, start: 0, limit: 100 })).rows.map((r) => r.id)).not.toContain("discard-1");
    expect(await auditRows("discard-1")).toEqual([expect.objectContaining({ action: "delete", data: expect.objectContaining({ changed: [["state", "failed", "removed"]] }) })]);
  });

  it("retry all moves every failed job back, one audit row each", async () => {
    for (const id of ["all-1", "all-2"]) await failedJob(id);
    failing.clear();
    const { retried } = await retryAllFailed(admin, { queue: QUEUE });
    expect(retried).toBeGreaterThanOrEqual(2);
    for (const id of ["all-1", "all-2"]) {
      await until(id, "completed");
      expect(await auditRows(id)).toHaveLength(1);
    }
    expect(await retryAllFailed(admin, { queue: QUEUE })).toEqual({ retried: 0 });
  });

  it("a job that is not failed (or does not exist) is NOT_FOUND, and nothing is audited", async () => {
    await getQueue(QUEUE).add("fine", {}, { jobId: "fine-1" });
    await until("fine-1", "completed");
    await expect(retryFailedJob(admin, { queue: QUEUE, jobId: "fine-1" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(discardFailedJob(admin, { queue: QUEUE, jobId: "no-such-job" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await auditRows("fine-1")).toEqual([]);
  });

  it("non-admins are refused by the service and the router, and the job stays failed", async () => {
    await failedJob("guarded-1");
    for (const principal of [demoPrincipals.supervisor(), demoPrincipals.medical(), demoPrincipals.hr()]) {
      await expect(retryFailedJob(actor(principal), { queue: QUEUE, jobId: "guarded-1" })).rejects.toBeInstanceOf(AppError);
      await expect(listQueues(actor(principal))).rejects.toMatchObject({ code: "FORBIDDEN" });
      const caller = createCaller(contextFor(principal));
      for (const call of [caller.queues.list(), caller.queues.failed({ queue: QUEUE }), caller.queues.retry({ queue: QUEUE, jobId: "guarded-1" }), caller.queues.discard({ queue: QUEUE, jobId: "guarded-1" }), caller.queues.retryAll({ queue: QUEUE })]) {
        const error = await call.then(() => null, (e: unknown) => e);
        expect(error).toBeInstanceOf(TRPCError);
        expect((error as TRPCError).code).toBe("FORBIDDEN");
      }
    }
    expect(await stateOf("guarded-1")).toBe("failed");
    expect(await auditRows("guarded-1")).toEqual([]);
  });

  it("the router serves an admin, with an unknown queue name refused as bad input", async () => {
    await failedJob("router-1");
    const caller = createCaller(contextFor(demoPrincipals.admin()));
    expect((await caller.queues.failed({ queue: QUEUE })).rows.map((r) => r.id)).toContain("router-1");
    await expect(caller.queues.failed({ queue: "nope" as typeof QUEUE })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await caller.queues.discard({ queue: QUEUE, jobId: "router-1" });
    expect(await getQueue(QUEUE).getJob("router-1")).toBeUndefined();
  });
});
