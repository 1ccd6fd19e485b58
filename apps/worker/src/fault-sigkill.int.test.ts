/**
 * Fault test (issue 4, "What it must show"): the worker process is killed with SIGKILL again and
 * again during a full sync of 10,000 Kipu patients and started again each time; at the end the run is
 * completed with exactly 10,000 clients, no duplicates, one change record and one audit row each.
 *
 * Everything is real: the worker is its own process (`node --import tsx src/index.ts`, as `npm start`),
 * Kipu is the HTTP simulator, the queue is a private redis-server (so nothing else is disturbed) and
 * the database is this file's throwaway one. Recovery is BullMQ's: the killed process's job keeps its
 * lock until it lapses (WORKER_LOCK_DURATION_MS, shortened here), the new process's stalled-job check
 * puts it back, and the run resumes from its last committed page.
 */
import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The queue package reads REDIS_URL when it is imported: start the private Redis first.
const redis = await vi.hoisted(async () => {
  const { startPrivateRedis } = await import("./testing/processes");
  const server = await startPrivateRedis();
  process.env.REDIS_URL = server.url;
  return server;
});

import { closeDatabase } from "@orchestrator/db/system";
import { startKipuSimulator, type KipuSimulator } from "@orchestrator/kipu-simulator";
import { closeQueues, enqueueSyncRun, getQueue } from "@orchestrator/modules/queue";
import { startSyncRun } from "@orchestrator/modules/sync";
import { ensureSeeded } from "./testing/fixtures";
import { GiveUp, sleep, spawnWorker, waitFor, type WorkerLine, type WorkerProcess } from "./testing/processes";
import { adminPrincipal, auditOf, changeCounts, clientsWithKipuId, pagesDone, runRow } from "./testing/sync-world";

const PATIENTS = 10_000;
const PAGE_SIZE = 100;
const PAGES = PATIENTS / PAGE_SIZE;
const KILLS = 5;
/** Extra latency per census page, so there is time to kill the worker mid-page, not only between pages. */
const PAGE_LATENCY_MS = 150;
const LOCK_MS = 4_000;

let sim: KipuSimulator;
let worker: WorkerProcess | undefined;
const allLines: WorkerLine[][] = [];

function workerEnv(): Record<string, string> {
  return {
    REDIS_URL: redis.url,
    WORKER_PORT: "0",
    WORKER_QUEUES: "sync",
    WORKER_CONCURRENCY: "2",
    WORKER_LOCK_DURATION_MS: String(LOCK_MS),
    WORKER_STALLED_INTERVAL_MS: "1000",
    // WORKER_MAX_STALLED_COUNT is left at its default: the test shows it allows this many kills.
    SYNC_KIPU_EVERY_MINUTES: "0",
    SYNC_PAGE_SIZE: String(PAGE_SIZE),
    KIPU_BASE_URL: sim.url,
    KIPU_ACCESS_ID: sim.credentials.accessId,
    KIPU_SECRET_KEY: sim.credentials.secretKey,
    KIPU_APP_ID: sim.credentials.appId,
  };
}

async function startWorkerProcess(): Promise<WorkerProcess> {
  const started = await spawnWorker(workerEnv(), { echo: process.env.FAULT_TEST_ECHO === "1" });
  allLines.push(started.lines);
  return started;
}

/** A job that failed for good (e.g. "job stalled more than allowable limit") leaves its run running: say so at once. */
async function failIfJobFailed(jobId: string): Promise<void> {
  const job = await getQueue("sync").getJob(jobId);
  if (job && (await job.getState()) === "failed") throw new GiveUp(`the sync job failed for good: ${job.failedReason}`);
}

beforeAll(async () => {
  await ensureSeeded();
  sim = await startKipuSimulator({ patients: PATIENTS, deleted: 0, seed: 20_240 });
  sim.control.addFaults({ type: "delay", ms: PAGE_LATENCY_MS, persistent: true, path: "/api/patients/census" });
});

afterAll(async () => {
  await worker?.kill("SIGKILL");
  await closeQueues();
  await redis.close();
  await sim?.close();
  await closeDatabase();
});

describe("a worker killed with SIGKILL during a 10k sync", () => {
  it(
    `is started again ${KILLS} times and the run completes with exactly ${PATIENTS} clients, no duplicates`,
    async () => {
      const started = Date.now();
      const demoLinked = await clientsWithKipuId(); // the demo data links a few clients to Kipu ids of its own
      const run = await startSyncRun({ source: "kipu", syncType: "full", dryRun: false, trigger: "manual" }, adminPrincipal());
      const { jobId } = await enqueueSyncRun({ run: run.name, actor: run.actor });
      worker = await startWorkerProcess();

      // Kill points spread over the run (pages 4..PAGES-21, at least 6 pages apart; the last fifth is
      // left alone so a kill never races the run's end), each at a random moment inside a page.
      const targets: number[] = [];
      while (targets.length < KILLS) {
        const t = randomInt(4, PAGES - 20);
        if (targets.every((x) => Math.abs(x - t) >= 6)) targets.push(t);
      }
      targets.sort((a, b) => a - b);

      const kills: { atPage: number; signal: NodeJS.Signals | null; status: string }[] = [];
      for (const target of targets) {
        await waitFor(
          `page ${target} of run ${run.name}`,
          async () => {
            const row = await runRow(run.name);
            if (row.status === "completed" || row.status === "failed") throw new GiveUp(`the run ended (${row.status}) before kill ${kills.length + 1}`);
            await failIfJobFailed(jobId);
            return pagesDone(row) >= target ? row : undefined;
          },
          90_000,
          50,
        );
        await sleep(randomInt(0, PAGE_LATENCY_MS + 100));
        const victim = worker;
        const exit = await victim.kill("SIGKILL");
        const row = await runRow(run.name);
        kills.push({ atPage: pagesDone(row), signal: exit.signal, status: row.status });
        worker = await startWorkerProcess();
      }
      console.info(`fault test: killed at pages ${kills.map((k) => k.atPage).join(", ")} (targets ${targets.join(", ")})`);

      const final = await waitFor(
        `run ${run.name} to finish`,
        async () => {
          const row = await runRow(run.name);
          if (row.status !== "running" && row.status !== "queued") return row;
          await failIfJobFailed(jobId);
          return undefined;
        },
        150_000,
        200,
      );
      const seconds = Math.round((Date.now() - started) / 1000);
      console.info(`fault test: run ${run.name} ${final.status} after ${seconds} s, ${final.attempts} executions`);

      // Every kill was a real SIGKILL of a live worker in the middle of the run.
      for (const k of kills) {
        expect(k.signal).toBe("SIGKILL");
        expect(k.status).toBe("running");
        expect(k.atPage).toBeLessThan(PAGES);
      }

      // The run: completed, every patient imported once, nothing else.
      expect(final).toMatchObject({ status: "completed", error: null, imported: PATIENTS, updated: 0, skipped: 0, conflicts: 0, duplicates: 0, errors: 0, removed: 0 });
      expect(final.checkpoint).toMatchObject({ phase: "done" });
      // Each kill cut an execution short and a new process resumed it: one execution per kill, plus the first.
      expect(final.attempts).toBeGreaterThanOrEqual(KILLS + 1);
      expect(await getQueue("sync").getJobState(jobId)).toBe("completed");

      // The restarted workers found the killed ones' job stalled and took it over.
      const stalledLines = allLines.flat().filter((l) => l.msg === "job stalled: it will be retried" && l.fields.jobId === jobId);
      expect(stalledLines.length).toBeGreaterThanOrEqual(KILLS);
      expect(allLines.flat().filter((l) => l.msg === "job completed" && l.fields.jobId === jobId)).toHaveLength(1);

      // Exactly the 10,000 casefiles, each once, next to the demo data's own links (untouched).
      const linked = await clientsWithKipuId();
      const demoNames = new Set(demoLinked.map((c) => c.name));
      const synced = linked.filter((c) => !demoNames.has(c.name));
      expect(linked.filter((c) => demoNames.has(c.name))).toEqual(demoLinked);
      expect(synced).toHaveLength(PATIENTS);
      const kipuIds = synced.map((c) => c.kipuId).sort();
      expect(new Set(linked.map((c) => c.kipuId)).size).toBe(linked.length);
      expect(kipuIds).toEqual([...sim.control.casefileIds()].sort());

      // One `create` change record per patient, for exactly the clients that exist.
      const changes = await changeCounts(run.name);
      expect(changes.byAction).toEqual({ create: PATIENTS });
      expect(changes.distinctCreated).toBe(PATIENTS);
      const clients = synced.map((c) => c.name).sort();
      expect(changes.createdClients).toEqual(clients);

      // One audit row per created client, made by the run, and nothing else.
      const audit = await auditOf(run.name);
      expect(audit.byAction).toEqual({ create: PATIENTS });
      expect(audit.createdDocnames).toEqual(clients);
    },
    240_000,
  );
});
