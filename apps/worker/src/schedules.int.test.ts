import type { JobSchedule } from "@orchestrator/modules/jobs/schedules";
import { closeQueues, getQueue, type QueueName } from "@orchestrator/modules/queue";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { applySchedules } from "./schedules";

// Queues no other worker test uses: nothing consumes them here, so the schedulers' jobs stay put.
const consumed: QueueName = "reports";
const elsewhere: QueueName = "maintenance";

const schedule = (everyMinutes: number, id = "nightly-test"): JobSchedule => ({
  id,
  queue: consumed,
  name: "generate-tasks", // any job name: no processor runs in this test
  data: { marker: "schedule-test" },
  everyMinutes,
  opts: { attempts: 3, backoff: { type: "exponential", delay: 60_000 } },
});

const schedulerIds = async (queue: QueueName) => (await getQueue(queue).getJobSchedulers(0, -1)).map((s) => s.key).sort();
const pendingJobs = async (queue: QueueName) => getQueue(queue).getJobs(["delayed", "waiting", "prioritized"]);

beforeEach(async () => {
  for (const q of [consumed, elsewhere]) await getQueue(q).obliterate({ force: true });
});
afterAll(async () => {
  for (const q of [consumed, elsewhere]) await getQueue(q).obliterate({ force: true });
  await closeQueues();
});

describe("applySchedules (real Redis)", () => {
  it("upserting twice leaves one scheduler with one pending job, carrying the schedule's options", async () => {
    expect(await applySchedules([consumed], [schedule(15)])).toEqual({ upserted: ["reports/nightly-test"], removed: [] });
    await applySchedules([consumed], [schedule(15)]);
    expect(await schedulerIds(consumed)).toEqual(["nightly-test"]);
    const scheduler = await getQueue(consumed).getJobScheduler("nightly-test");
    expect(scheduler).toMatchObject({ name: "generate-tasks", every: 15 * 60_000 });
    const jobs = await pendingJobs(consumed);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.data).toEqual({ marker: "schedule-test" });
    expect(jobs[0]!.opts).toMatchObject({ attempts: 3, backoff: { type: "exponential", delay: 60_000 } });
  });

  it("a changed interval updates the same scheduler", async () => {
    await applySchedules([consumed], [schedule(15)]);
    await applySchedules([consumed], [schedule(5)]);
    expect(await schedulerIds(consumed)).toEqual(["nightly-test"]);
    expect((await getQueue(consumed).getJobScheduler("nightly-test"))?.every).toBe(5 * 60_000);
  });

  it("a disabled schedule (0 minutes) is removed, and so is a scheduler no longer defined", async () => {
    await applySchedules([consumed], [schedule(15), schedule(30, "retired")]);
    expect(await schedulerIds(consumed)).toEqual(["nightly-test", "retired"]);

    const changes = await applySchedules([consumed], [schedule(0)]);
    expect(changes).toEqual({ upserted: [], removed: expect.arrayContaining(["reports/nightly-test", "reports/retired"]) });
    expect(await schedulerIds(consumed)).toEqual([]);
    expect(await pendingJobs(consumed)).toHaveLength(0); // the removed schedulers' next runs are gone too
  });

  it("leaves the schedulers of queues this worker does not consume alone", async () => {
    await getQueue(elsewhere).upsertJobScheduler("someone-elses", { every: 60_000 }, { name: "cleanup", data: {} });
    await applySchedules([consumed], [schedule(15)]);
    expect(await schedulerIds(elsewhere)).toEqual(["someone-elses"]);
  });
});
