/**
 * Fault test (issue 4, "What it must show"): the queue's Redis is restarted while a sync runs; the
 * worker process rides it out by itself (same pid, never restarted), reports the outage on /healthz,
 * logs losing and regaining Redis, finishes the run with exactly the expected clients, and takes new
 * jobs afterwards.
 *
 * The private redis-server runs with AOF (fsync every second) like docker/compose.yaml's
 * `redis-queue`, so the restart brings the queue back with the running job and its lock. (Without
 * persistence the job would be gone: the running attempt still finishes the run in the database,
 * but a job lost while no worker held it would only come back through the schedule's lost-run check.)
 * Lock duration and stalled-check interval stay at their defaults (30 s): an outage of a few seconds
 * must not make the running job look stalled.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The queue package reads REDIS_URL when it is imported: start the private Redis first.
const redis = await vi.hoisted(async () => {
  const { startPrivateRedis } = await import("./testing/processes");
  const server = await startPrivateRedis({ appendonly: true });
  process.env.REDIS_URL = server.url;
  return server;
});

import { closeDatabase } from "@orchestrator/db/system";
import { startKipuSimulator, type KipuSimulator } from "@orchestrator/kipu-simulator";
import { closeQueues, enqueueSyncRun, getQueue } from "@orchestrator/modules/queue";
import { startSyncRun } from "@orchestrator/modules/sync";
import { ensureSeeded } from "./testing/fixtures";
import { freePort, GiveUp, sleep, spawnWorker, waitFor, type WorkerProcess } from "./testing/processes";
import { adminPrincipal, auditOf, changeCounts, clientsWithKipuId, pagesDone, runRow } from "./testing/sync-world";

const PATIENTS = 2_000;
const PAGE_SIZE = 50;
const PAGES = PATIENTS / PAGE_SIZE;
const PAGE_LATENCY_MS = 400;
/** How long the queue's Redis stays down. */
const OUTAGE_MS = 5_000;

let sim: KipuSimulator;
let worker: WorkerProcess | undefined;
let port: number;

interface Health {
  status: number;
  body: { status: string; checks: Record<string, string> };
}

async function health(): Promise<Health> {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(5_000) });
  return { status: res.status, body: (await res.json()) as Health["body"] };
}

async function finished(run: string, timeoutMs: number) {
  return waitFor(
    `run ${run} to finish`,
    async () => {
      const row = await runRow(run);
      return row.status === "running" || row.status === "queued" ? undefined : row;
    },
    timeoutMs,
    200,
  );
}

beforeAll(async () => {
  await ensureSeeded();
  sim = await startKipuSimulator({ patients: PATIENTS, deleted: 0, seed: 4_242 });
  sim.control.addFaults({ type: "delay", ms: PAGE_LATENCY_MS, persistent: true, path: "/api/patients/census" });
  port = await freePort();
});

afterAll(async () => {
  await worker?.kill("SIGKILL");
  await closeQueues();
  await redis.close();
  await sim?.close();
  await closeDatabase();
});

describe("the queue's Redis restarted during a sync", () => {
  it(
    "the worker process keeps running, reports the outage on /healthz, completes the run and takes new jobs",
    async () => {
      const started = Date.now();
      const demoLinked = await clientsWithKipuId();
      const run = await startSyncRun({ source: "kipu", syncType: "full", dryRun: false, trigger: "manual" }, adminPrincipal());
      const { jobId } = await enqueueSyncRun({ run: run.name, actor: run.actor });
      worker = await spawnWorker(
        {
          REDIS_URL: redis.url,
          WORKER_PORT: String(port),
          WORKER_QUEUES: "sync",
          WORKER_CONCURRENCY: "2",
          SYNC_KIPU_EVERY_MINUTES: "0",
          SYNC_PAGE_SIZE: String(PAGE_SIZE),
          KIPU_BASE_URL: sim.url,
          KIPU_ACCESS_ID: sim.credentials.accessId,
          KIPU_SECRET_KEY: sim.credentials.secretKey,
          KIPU_APP_ID: sim.credentials.appId,
        },
        { echo: process.env.FAULT_TEST_ECHO === "1" },
      );
      expect((await health()).status).toBe(200);

      // A few pages in, Redis goes away.
      await waitFor(`page 6 of ${run.name}`, async () => {
        const row = await runRow(run.name);
        if (row.status !== "running" && row.status !== "queued") throw new GiveUp(`the run ended (${row.status}) before Redis was stopped`);
        return pagesDone(row) >= 6 ? row : undefined;
      }, 60_000, 50);
      const linesBeforeOutage = worker.lines.length;
      await redis.stop();
      const stoppedAt = Date.now();
      const pagesAtStop = pagesDone(await runRow(run.name));

      // /healthz says so while it is down (the database is fine).
      const down = await waitFor("/healthz to report Redis down", async () => {
        const h = await health();
        return h.status === 503 ? h : undefined;
      }, 15_000, 250);
      expect(down.body.status).toBe("unavailable");
      expect(down.body.checks.database).toBe("ok");
      expect(down.body.checks.redis).not.toBe("ok");
      await worker.waitForLine('"redis connection lost"', (l) => l.msg === "redis connection lost: reconnecting" && l.fields.queue === "sync", 15_000, linesBeforeOutage);

      await sleep(Math.max(0, OUTAGE_MS - (Date.now() - stoppedAt)));
      expect(worker.alive()).toBe(true);
      const atRestart = await runRow(run.name);
      // The restart happens with the run still in progress: its completion has to go through the new Redis.
      expect(atRestart.status).toBe("running");
      expect(pagesDone(atRestart)).toBeLessThan(PAGES);
      const linesBeforeRestart = worker.lines.length;
      await redis.start();

      const up = await waitFor("/healthz to report healthy again", async () => {
        const h = await health();
        return h.status === 200 ? h : undefined;
      }, 30_000, 250);
      expect(up.body).toEqual({ status: "ok", checks: { redis: "ok", database: "ok" } });
      const restored = await worker.waitForLine('"redis connection restored"', (l) => l.msg === "redis connection restored" && l.fields.queue === "sync", 30_000, linesBeforeRestart);

      const final = await finished(run.name, 90_000);
      console.info(`fault test: worker pid ${worker.pid}; Redis down ${OUTAGE_MS} ms at page ${pagesAtStop} (page ${pagesDone(atRestart)} when it came back); run ${run.name} ${final.status} after ${Math.round((Date.now() - started) / 1000)} s`);

      // The same process all along (still alive, never exited), and the job was never taken from it
      // (no stall, one execution): it finished the run and reported it once Redis was back.
      expect(worker.alive()).toBe(true);
      expect(worker.lines.filter((l) => l.msg.startsWith("job stalled"))).toEqual([]);
      const completedLine = await worker.waitForLine('"job completed" for the run', (l) => l.msg === "job completed" && l.fields.jobId === jobId, 30_000);
      expect(completedLine.at).toBeGreaterThanOrEqual(restored.at);
      // The log line is written as the processor returns; BullMQ records the completion right after.
      expect(await waitFor("the job's state to be recorded", async () => { const state = await getQueue("sync").getJobState(jobId); return state === "active" ? undefined : state; }, 10_000)).toBe("completed");

      // The run: completed once, exactly the patients, no duplicates.
      expect(final).toMatchObject({ status: "completed", error: null, imported: PATIENTS, updated: 0, skipped: 0, conflicts: 0, duplicates: 0, errors: 0, attempts: 1 });
      const linked = await clientsWithKipuId();
      const demoNames = new Set(demoLinked.map((c) => c.name));
      const synced = linked.filter((c) => !demoNames.has(c.name));
      expect(synced).toHaveLength(PATIENTS);
      expect(new Set(linked.map((c) => c.kipuId)).size).toBe(linked.length);
      expect(synced.map((c) => c.kipuId).sort()).toEqual([...sim.control.casefileIds()].sort());
      const changes = await changeCounts(run.name);
      expect(changes.byAction).toEqual({ create: PATIENTS });
      expect(changes.createdClients).toEqual(synced.map((c) => c.name).sort());
      expect((await auditOf(run.name)).byAction).toEqual({ create: PATIENTS });

      // And it keeps consuming: a new run enqueued after the restart is picked up by the same process.
      const edited = sim.control.casefileIds().slice(0, 3);
      for (const id of edited) sim.control.updatePatient(id, { first_name: "Afterrestart" });
      const second = await startSyncRun({ source: "kipu", syncType: "incremental", dryRun: false, trigger: "manual" }, adminPrincipal());
      const secondJob = await enqueueSyncRun({ run: second.name, actor: second.actor });
      const secondFinal = await finished(second.name, 60_000);
      expect(secondFinal).toMatchObject({ status: "completed", imported: 0, updated: edited.length, errors: 0 });
      await worker.waitForLine('"job completed" for the second run', (l) => l.msg === "job completed" && l.fields.jobId === secondJob.jobId, 30_000);
      expect(worker.alive()).toBe(true);
      expect(await clientsWithKipuId()).toHaveLength(linked.length);
    },
    180_000,
  );
});
