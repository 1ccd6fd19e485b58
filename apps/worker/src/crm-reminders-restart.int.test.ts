/**
 * CRM task reminders (issue 6): a reminder fires once at its time even across a worker restart. The
 * worker is its own process (`node --import tsx src/index.ts`) on a private redis-server and this
 * file's throwaway database. A run before the due time finds nothing; the run after it is killed with
 * SIGKILL inside its claim (held on the task's row lock by the test), and the restarted worker, which
 * takes over the stalled run, delivers exactly one in-app notice and one outbox e-mail.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The queue package reads REDIS_URL when it is imported: start the private Redis first.
const redis = await vi.hoisted(async () => {
  const { startPrivateRedis } = await import("./testing/processes");
  const server = await startPrivateRedis();
  process.env.REDIS_URL = server.url;
  return server;
});

import { createScopedDb, formatTimestamp } from "@orchestrator/db";
import { closeDatabase, schema as s, unsafeSystemDb, unsafeSystemPool } from "@orchestrator/db/system";
import { registry } from "@orchestrator/modules";
import { closeQueues, getQueue } from "@orchestrator/modules/queue";
import { and, eq } from "drizzle-orm";
import { ensureSeeded } from "./testing/fixtures";
import { sleep, spawnWorker, waitFor, type WorkerProcess } from "./testing/processes";
import { adminPrincipal } from "./testing/sync-world";

const ADMIN = "admin@demo.orchestrator.test";
const LOCK_MS = 2_000;
const DUE_IN_MS = 5_000;
const stamp = (ms: number) => formatTimestamp(BigInt(ms) * 1000n);

let worker: WorkerProcess | undefined;
let task = "";
let dueAt = 0;

function startWorkerProcess(): Promise<WorkerProcess> {
  // The scheduler is off: the test adds the scheduler's job itself, at the moments it needs.
  return spawnWorker(
    { REDIS_URL: redis.url, WORKER_PORT: "0", WORKER_QUEUES: "notifications", CRM_REMINDERS_EVERY_MINUTES: "0", WORKER_LOCK_DURATION_MS: String(LOCK_MS), WORKER_STALLED_INTERVAL_MS: "500" },
    { echo: process.env.FAULT_TEST_ECHO === "1" },
  );
}

async function remindersJob(id: string): Promise<string> {
  return (await getQueue("notifications").add("crm-task-reminders", {}, { jobId: id })).id!;
}

async function finished(id: string): Promise<{ state: string; result: unknown }> {
  const state = await waitFor(`reminders job ${id}`, async () => {
    const st = await getQueue("notifications").getJobState(id);
    return st === "completed" || st === "failed" ? st : undefined;
  }, 30_000);
  return { state, result: (await getQueue("notifications").getJob(id))?.returnvalue };
}

/** Open InnoDB transactions on this file's database (the server is shared with other tests). */
async function transactionsHere(condition = ""): Promise<number> {
  const [rows] = (await unsafeSystemPool().query(`SELECT COUNT(*) AS n FROM information_schema.INNODB_TRX t JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id WHERE p.DB = DATABASE() ${condition}`)) as unknown as [{ n: number }[]];
  return Number(rows[0]!.n);
}

const notices = () => unsafeSystemDb().select().from(s.crmNotifications).where(eq(s.crmNotifications.task, task));
const outbox = () => unsafeSystemDb().select().from(s.emailQueue).where(and(eq(s.emailQueue.referenceDoctype, "CRM Task"), eq(s.emailQueue.referenceName, task)));
const remindedOn = async () => (await unsafeSystemDb().select({ at: s.crmTasks.remindedOn }).from(s.crmTasks).where(eq(s.crmTasks.name, task)))[0]!.at;

beforeAll(async () => {
  await ensureSeeded();
  dueAt = Date.now() + DUE_IN_MS;
  const admin = createScopedDb(adminPrincipal(), { requestId: "crm-reminders-test" }, registry);
  task = (await admin.insert("CRM Task", { title: "Call Ivy back", assigned_to: ADMIN, reminder_at: stamp(dueAt), due_date: stamp(dueAt + 3_600_000) })).name;
});

afterAll(async () => {
  await worker?.kill("SIGKILL");
  await closeQueues();
  await redis.close();
  await closeDatabase();
});

describe("a CRM task reminder across a worker killed with SIGKILL", () => {
  it("fires nothing before its time, nothing in the killed run, and exactly once after the restart", async () => {
    worker = await startWorkerProcess();
    // Before the due time: nothing is due.
    await remindersJob("early");
    expect(await finished("early")).toMatchObject({ state: "completed", result: { candidates: 0, reminded: 0 } });
    expect(await notices()).toEqual([]);

    await sleep(Math.max(0, dueAt - Date.now()) + 200);
    const blocker = await unsafeSystemPool().getConnection();
    try {
      // Hold the task's row: the worker's claim (a conditional UPDATE of it) waits there and is killed there.
      await blocker.beginTransaction();
      await blocker.query("SELECT name FROM crm_tasks WHERE name = ? FOR UPDATE", [task]);
      await remindersJob("due-1");
      await waitFor("the reminder run to wait on the task's row", async () => ((await transactionsHere("AND t.trx_state = 'LOCK WAIT'")) > 0 ? true : undefined), 20_000);
      expect(await getQueue("notifications").getJobState("due-1")).toBe("active");
      expect((await worker.kill("SIGKILL")).signal).toBe("SIGKILL");
    } finally {
      await blocker.rollback();
      blocker.release();
    }
    // The killed transaction rolled back with its connection: no claim, no notice, no mail.
    await waitFor("the killed connection's transaction to end", async () => ((await transactionsHere()) === 0 ? true : undefined), 20_000);
    expect(await remindedOn()).toBeNull();
    expect(await notices()).toEqual([]);
    expect(await outbox()).toEqual([]);

    // Restarted: the stalled run is taken over and delivers the reminder; later runs find nothing.
    worker = await startWorkerProcess();
    expect(await finished("due-1")).toMatchObject({ state: "completed", result: { reminded: 1, failed: 0 } });
    await remindersJob("due-2");
    expect(await finished("due-2")).toMatchObject({ state: "completed", result: { candidates: 0, reminded: 0 } });

    const [notice, ...moreNotices] = await notices();
    expect(moreNotices).toEqual([]);
    expect(notice).toMatchObject({ forUser: ADMIN, kind: "reminder", subject: "Reminder: Call Ivy back", read: false, owner: "integration@demo.orchestrator.test" });
    const [mail, ...moreMail] = await outbox();
    expect(moreMail).toEqual([]);
    expect(mail).toMatchObject({ recipients: ADMIN, subject: "Reminder: Call Ivy back", status: "Not Sent" });
    expect(await remindedOn()).not.toBeNull();
  }, 120_000);
});
