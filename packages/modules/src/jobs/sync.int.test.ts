import { closeDatabase } from "@orchestrator/db/system";
import type { Job } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeQueues, enqueueSyncRun, enqueueSyncSchedule, getQueue, syncRunJobId } from "../queue";
import { startSyncRun } from "../sync/runs";
import { ensureSeeded, principals, resetSyncWorld, sourceRow, startSim, startSyncWorker, syncedClientCount, type SimWorld } from "../sync/testing/fixtures";
import { eventually } from "./testing/fixtures";

const N = 30;
let world: SimWorld;
let syncWorker: { close: () => Promise<void> };

async function finished(jobId: string): Promise<Job> {
  return eventually(async () => {
    const state = await getQueue("sync").getJobState(jobId);
    const job = state === "completed" || state === "failed" ? await getQueue("sync").getJob(jobId) : undefined;
    if (!job) throw new Error(`job ${jobId} is ${state}`);
    return job;
  }, 30_000);
}

beforeAll(async () => {
  await ensureSeeded();
  await resetSyncWorld();
  world = await startSim(N);
  syncWorker = await startSyncWorker(world, 2);
});
afterAll(async () => {
  await syncWorker.close();
  await closeQueues();
  await world.sim.close();
  await closeDatabase();
});

describe("sync jobs on a real BullMQ worker", () => {
  it("a sync-run job completes the run it was given", async () => {
    const run = await startSyncRun({ source: "kipu", syncType: "full", dryRun: false, trigger: "manual" }, principals.admin());
    const { jobId } = await enqueueSyncRun({ run: run.name, actor: run.actor });
    expect(jobId).toBe(syncRunJobId(run.name));
    const job = await finished(jobId);
    expect(await job.getState()).toBe("completed");
    expect(job.returnvalue).toMatchObject({ name: run.name, status: "completed", imported: N });
    expect(await syncedClientCount()).toBe(N);
    // Enqueued again: the same job id, no second run.
    await enqueueSyncRun({ run: run.name, actor: run.actor });
    expect((await finished(jobId)).attemptsMade).toBe(1);
  });

  it("a sync-schedule job starts an incremental run as the integration user and its run job completes", async () => {
    world.sim.control.updatePatient(world.sim.control.casefileIds()[0]!, { first_name: "Scheduled" });
    const { jobId } = await enqueueSyncSchedule({ source: "kipu", sync_type: "incremental" }, "test-1");
    const job = await finished(jobId);
    expect(job.returnvalue).toMatchObject({ started: expect.stringMatching(/^SR-\d+$/) });
    const runName = (job.returnvalue as { started: string }).started;
    const runJob = await finished(syncRunJobId(runName));
    expect(runJob.returnvalue).toMatchObject({ trigger: "schedule", actor: "integration@demo.orchestrator.test", sync_type: "incremental", status: "completed", updated: 1, imported: 0 });
    expect((await sourceRow())?.runningRun).toBeNull();
  });

  it("a payload carrying anything but ids is refused without retries", async () => {
    await getQueue("sync").add("sync-run", { run: "SR-00001", actor: "a@b.c", first_name: "Ada" }, { jobId: "bad-sync-payload" });
    const job = await finished("bad-sync-payload");
    expect(await job.getState()).toBe("failed");
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toContain("invalid sync-run payload");
    expect(job.failedReason).not.toContain("Ada");
  });
});
