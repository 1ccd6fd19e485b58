/**
 * Fault test (issue 5, "What it must show"): a worker process killed with SIGKILL in the middle of an
 * escalation sweep — inside the transaction that fires a level — and started again fires each level
 * exactly once. Everything is real: the worker is its own process (`node --import tsx src/index.ts`),
 * the queue a private redis-server, the database this file's throwaway one.
 *
 * To kill it at a known point, the test holds an uncommitted insert of level 1's fired row: the
 * worker's firing transaction (ticket locked, mark checked) waits on that key, and is killed there.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The queue package reads REDIS_URL when it is imported: start the private Redis first.
const redis = await vi.hoisted(async () => {
  const { startPrivateRedis } = await import("./testing/processes");
  const server = await startPrivateRedis();
  process.env.REDIS_URL = server.url;
  return server;
});

import { createScopedDb } from "@orchestrator/db";
import { closeDatabase, schema as s, unsafeSystemDb, unsafeSystemPool } from "@orchestrator/db/system";
import { registry } from "@orchestrator/modules";
import { closeQueues, getQueue } from "@orchestrator/modules/queue";
import { and, eq } from "drizzle-orm";
import { ensureSeeded } from "./testing/fixtures";
import { spawnWorker, waitFor, type WorkerProcess } from "./testing/processes";
import { adminPrincipal } from "./testing/sync-world";

const LOCK_MS = 2_000;
const admin = () => createScopedDb(adminPrincipal(), { requestId: "fault-sweep" }, registry);
const allDay = Object.fromEntries(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].map((d) => [d, [{ start: "00:00", end: "24:00" }]]));

let worker: WorkerProcess | undefined;
let ticket = "";

async function startWorkerProcess(): Promise<WorkerProcess> {
  return spawnWorker(
    { REDIS_URL: redis.url, WORKER_PORT: "0", WORKER_QUEUES: "sla", HELPDESK_SWEEP_EVERY_MINUTES: "0", WORKER_LOCK_DURATION_MS: String(LOCK_MS), WORKER_STALLED_INTERVAL_MS: "500" },
    { echo: process.env.FAULT_TEST_ECHO === "1" },
  );
}

async function sweepJob(id: string): Promise<string> {
  const job = await getQueue("sla").add("sla-sweep", {}, { jobId: id });
  return job.id!;
}

async function finished(id: string): Promise<string> {
  return waitFor(`sweep job ${id}`, async () => {
    const state = await getQueue("sla").getJobState(id);
    return state === "completed" || state === "failed" ? state : undefined;
  }, 30_000);
}

/** Open InnoDB transactions on this file's database (the server is shared with other tests). */
async function transactionsHere(condition = ""): Promise<number> {
  const [rows] = (await unsafeSystemPool().query(`SELECT COUNT(*) AS n FROM information_schema.INNODB_TRX t JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id WHERE p.DB = DATABASE() ${condition}`)) as unknown as [{ n: number }[]];
  return Number(rows[0]!.n);
}

const fired = () => unsafeSystemDb().select().from(s.hdEscalationFired).where(eq(s.hdEscalationFired.ticket, ticket)).orderBy(s.hdEscalationFired.level);
const escalations = () => unsafeSystemDb().select().from(s.hdTicketActivities).where(and(eq(s.hdTicketActivities.ticket, ticket), eq(s.hdTicketActivities.kind, "escalation")));
const notifications = () => unsafeSystemDb().select().from(s.hdNotifications).where(eq(s.hdNotifications.ticket, ticket));

beforeAll(async () => {
  await ensureSeeded();
  await admin().insert("HD Service Level Agreement", { name: "Around the clock", is_default: 1, calendar: { timeZone: "UTC", workingHours: allDay }, priorities: ["Low", "Medium", "High", "Urgent"].map((priority) => ({ priority, response_minutes: 60, resolution_minutes: 120 })) });
  await admin().insert("HD Escalation Rule", {
    name: "Fault",
    levels: [
      { trigger_clock: "resolution", trigger_percent: 50, notify_user: "admin@demo.orchestrator.test" },
      { trigger_clock: "resolution", notify_user: "supervisor@demo.orchestrator.test" },
    ],
  });
  // Opened three hours ago: 50 % (an hour in) and the breach (two hours in) have both passed.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Date.now() - 3 * 3_600_000);
  ticket = (await admin().insert("HD Ticket", { subject: "Fault test", priority: "Low" })).name;
  vi.useRealTimers();
});

afterAll(async () => {
  await worker?.kill("SIGKILL");
  await closeQueues();
  await redis.close();
  await closeDatabase();
});

describe("a worker killed with SIGKILL inside a sweep's firing transaction", () => {
  it("leaves nothing behind, and the restarted worker fires each level exactly once", async () => {
    const [mark] = await unsafeSystemDb().select().from(s.hdTicketEscalationMarks).where(and(eq(s.hdTicketEscalationMarks.ticket, ticket), eq(s.hdTicketEscalationMarks.level, 1)));
    const blocker = await unsafeSystemPool().getConnection();
    try {
      await blocker.beginTransaction();
      await blocker.query("INSERT INTO hd_escalation_fired (ticket, rule, level, cycle, fired_at) VALUES (?, 'Fault', 1, ?, UTC_TIMESTAMP(6))", [ticket, mark!.cycle]);
      worker = await startWorkerProcess();
      const first = await sweepJob("sweep-1");
      // The worker's transaction waits on the blocker's key: kill it there.
      await waitFor("the sweep to wait on the fired row", async () => {
        return (await transactionsHere("AND t.trx_state = 'LOCK WAIT'")) > 0 ? true : undefined;
      }, 20_000);
      expect(await getQueue("sla").getJobState(first)).toBe("active");
      const exit = await worker.kill("SIGKILL");
      expect(exit.signal).toBe("SIGKILL");
    } finally {
      await blocker.rollback();
      blocker.release();
    }
    // The killed transaction rolled back with its connection: nothing fired, nothing written.
    await waitFor("the killed connection's transaction to end", async () => {
      const [rows] = (await unsafeSystemPool().query("SELECT COUNT(*) AS n FROM information_schema.INNODB_TRX")) as unknown as [{ n: number }[]];
      return Number(rows[0]!.n) === 0 ? true : undefined;
    }, 20_000);
    expect(await fired()).toEqual([]);
    expect(await escalations()).toEqual([]);
    expect(await notifications()).toEqual([]);

    // Restarted: the stalled sweep is taken over and the next tick's sweep runs too; each level fires once.
    worker = await startWorkerProcess();
    expect(await finished("sweep-1")).toBe("completed");
    await sweepJob("sweep-2");
    expect(await finished("sweep-2")).toBe("completed");
    expect((await fired()).map((f) => f.level)).toEqual([1, 2]);
    expect(await escalations()).toHaveLength(2);
    expect((await notifications()).map((n) => n.forUser).sort()).toEqual(["admin@demo.orchestrator.test", "supervisor@demo.orchestrator.test"]);

    // And later sweeps find nothing more to do.
    await sweepJob("sweep-3");
    expect(await finished("sweep-3")).toBe("completed");
    expect((await getQueue("sla").getJob("sweep-3"))!.returnvalue).toMatchObject({ candidates: 0, fired: 0 });
  }, 90_000);
});
