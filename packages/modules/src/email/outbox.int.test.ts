/**
 * The outbox against the SMTP simulator over real sockets, with real MariaDB, Redis and BullMQ:
 * headers, retries after a 451, a 550 ending in Error, one send per row under concurrency, the claim
 * waiting for the queueing transaction, and the lease that re-claims a row a dead worker left.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.EMAIL_DOMAIN = "orchestrator.test";
  process.env.EMAIL_FROM = "Helpdesk <help@orchestrator.test>";
  process.env.EMAIL_RETRY_DELAY_MS = "200";
  process.env.EMAIL_MAX_ATTEMPTS = "3";
});

import { startSmtpSimulator, type SmtpSimulator } from "@orchestrator/smtp-simulator";
import { closeRedis, loadPrincipal } from "@orchestrator/auth";
import { createScopedDb, type ScopedDb } from "@orchestrator/db";
import { closeDatabase, schema, unsafeSystemDb } from "@orchestrator/db/system";
import { eventually, seedDemo } from "@orchestrator/db/testing";
import { Worker, type Job } from "bullmq";
import { eq } from "drizzle-orm";
import type { Redis } from "ioredis";
import { closeQueues, createRedisConnection, getQueue } from "../queue";
import { registry } from "../registry";
import { demoPrincipals } from "../testing/principals";
import { deliverQueuedEmail } from "./deliver";
import { createEmailProcessor } from "./jobs";
import { queueEmail, type QueueEmailInput } from "./outbox";
import { settleEmailKicks } from "./producer";
import { enqueueDueEmails } from "./sweep";
import { closeTransports, type SmtpSettings } from "./transport";

const CREDENTIALS = { user: "mailer", password: "simulator-password" };
let sim: SmtpSimulator;
let smtp: SmtpSettings;
let connection: Redis;

const admin = (): ScopedDb => createScopedDb(demoPrincipals.admin(), { requestId: "outbox-test" }, registry);
const row = async (name: string) => (await unsafeSystemDb().select().from(schema.emailQueue).where(eq(schema.emailQueue.name, name)))[0]!;
const mail = (over: Partial<QueueEmailInput> = {}): QueueEmailInput => ({ recipients: ["ana@acme.test"], subject: "Re: [HD-TKT-00001] Printer", message: "We are on it.", reference: { doctype: "HD Ticket", name: "HD-TKT-00001", department: "Medical" }, ...over });
/** Queued in a committed transaction of its own. */
const queued = (over: Partial<QueueEmailInput> = {}) => admin().transaction((tx) => queueEmail(tx, mail(over)));

/** Runs `fn` with a BullMQ worker on the email queue; the other tests deliver by hand (their jobs wait). */
async function withEmailWorker(fn: () => Promise<void>): Promise<void> {
  const worker = new Worker("email", createEmailProcessor({ loadPrincipal, smtp }), { connection, concurrency: 2 });
  await worker.waitUntilReady();
  try {
    await fn();
  } finally {
    await worker.close();
  }
}

/** Drops the waiting jobs the kicks of earlier tests left, so a worker started later sees only its test's. */
async function drainEmailJobs(): Promise<void> {
  await settleEmailKicks();
  await getQueue("email").obliterate({ force: true });
}

async function jobState(id: string): Promise<{ state: string; job: Job }> {
  return eventually(async () => {
    const state = await getQueue("email").getJobState(id);
    const job = state === "completed" || state === "failed" ? await getQueue("email").getJob(id) : undefined;
    if (!job) throw new Error(`job ${id} is ${state}`);
    return { state, job };
  });
}

beforeAll(async () => {
  await seedDemo(unsafeSystemDb(), { passwordHash: "x", clientCount: 1 });
  sim = await startSmtpSimulator({ credentials: CREDENTIALS });
  smtp = { host: sim.host, port: sim.smtpPort, secure: false, user: CREDENTIALS.user, password: CREDENTIALS.password };
  connection = createRedisConnection("worker");
  await getQueue("email").obliterate({ force: true });
});
beforeEach(async () => {
  await drainEmailJobs();
  sim.clearMessages();
  sim.clearFaults();
});
afterAll(async () => {
  await settleEmailKicks();
  await connection.quit();
  await closeQueues();
  closeTransports();
  await sim.close();
  await closeRedis();
  await closeDatabase();
});

describe("the outbox over SMTP (simulator, real sockets)", () => {
  it("delivers with its fixed Message-ID, In-Reply-To and References, and records Sent", async () => {
    const { name, messageId } = await queued({ inReplyTo: "<b@acme.test>", references: ["<a@acme.test>", "<b@acme.test>"], headers: { "Auto-Submitted": "auto-replied" } });
    expect(messageId).toMatch(/^<[0-9a-f-]{36}@orchestrator\.test>$/);
    expect(await row(name)).toMatchObject({ status: "Not Sent", attempts: 0, recipients: "ana@acme.test", messageId });
    const [index] = await unsafeSystemDb().select().from(schema.emailMessages).where(eq(schema.emailMessages.messageId, messageId));
    expect(index).toMatchObject({ direction: "outbound", referenceDoctype: "HD Ticket", referenceName: "HD-TKT-00001" });

    expect(await deliverQueuedEmail(name, { smtp })).toMatchObject({ outcome: "sent", attempts: 1 });
    const [received] = sim.messages("ana@acme.test");
    expect(received).toMatchObject({ authUser: "mailer", messageId, inReplyTo: "<b@acme.test>", references: ["<a@acme.test>", "<b@acme.test>"], subject: "Re: [HD-TKT-00001] Printer", from: ["help@orchestrator.test"], envelope: { to: ["ana@acme.test"] } });
    expect(received!.text.trim()).toBe("We are on it.");
    expect(received!.headers["auto-submitted"]).toBe("auto-replied");
    expect(await row(name)).toMatchObject({ status: "Sent", attempts: 1, error: null });
    expect((await row(name)).sentAt).not.toBeNull();
    // Sent is final: delivering again sends nothing.
    expect(await deliverQueuedEmail(name, { smtp })).toEqual({ outcome: "skipped", reason: "sent" });
    expect(sim.messages()).toHaveLength(1);
  });

  it("a 451 is retried by the email-send job with back-off, then delivered once", () => withEmailWorker(async () => {
    sim.addFaults({ code: 451, times: 1 });
    const { name, messageId } = await queued();
    const { state, job } = await jobState(name);
    expect(state).toBe("completed");
    expect(job.attemptsMade).toBe(2);
    expect(job.data).toEqual({ name }); // the payload is the row's id, nothing else
    expect(job.returnvalue).toMatchObject({ outcome: "sent", attempts: 2 });
    expect(sim.messages().map((m) => m.messageId)).toEqual([messageId]);
    expect(await row(name)).toMatchObject({ status: "Sent", attempts: 2 });
  }));

  it("a 550 ends in Error with the server's reason, without retries; the job's reason names no address", () => withEmailWorker(async () => {
    sim.addFaults({ code: 550, stage: "rcpt", message: "5.1.1 <ana@acme.test>: no such user" });
    const { name } = await queued();
    const { state, job } = await jobState(name);
    expect(state).toBe("failed");
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toMatch(/failed for good \(550\)/);
    expect(job.failedReason).not.toContain("acme");
    const failed = await row(name);
    expect(failed).toMatchObject({ status: "Error", attempts: 1 });
    expect(failed.error).toContain("5.1.1 <ana@acme.test>: no such user");
    expect(sim.messages()).toHaveLength(0);
  }));

  it("temporary failures on every attempt end in Error after EMAIL_MAX_ATTEMPTS", async () => {
    sim.addFaults({ code: 421, times: 3 });
    const { name } = await admin().transaction((tx) => queueEmail(tx, mail({ sendAfter: new Date(Date.now() + 3_600_000) })));
    const later = new Date(Date.now() + 3_600_001);
    expect(await deliverQueuedEmail(name, { smtp, now: later })).toMatchObject({ outcome: "retry", attempts: 1, code: "421" });
    expect(await deliverQueuedEmail(name, { smtp, now: later })).toMatchObject({ outcome: "retry", attempts: 2 });
    expect(await deliverQueuedEmail(name, { smtp, now: later })).toMatchObject({ outcome: "failed", attempts: 3 });
    expect((await row(name)).error).toMatch(/^Gave up after 3 attempts/);
  });

  it("two workers delivering the same row at once send it once", async () => {
    const { name } = await queued();
    const outcomes = await Promise.all([deliverQueuedEmail(name, { smtp }), deliverQueuedEmail(name, { smtp }), deliverQueuedEmail(name, { smtp })]);
    expect(outcomes.filter((o) => o.outcome === "sent")).toHaveLength(1);
    expect(outcomes.filter((o) => o.outcome === "skipped")).toHaveLength(2);
    expect(sim.messages()).toHaveLength(1);
    expect(await row(name)).toMatchObject({ status: "Sent", attempts: 1 });
  });

  it("a send that starts before the queueing transaction commits waits for it; after a rollback it finds nothing", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    let name = "";
    let delivery: Promise<unknown> | undefined;
    const committed = admin().transaction(async (tx) => {
      name = (await queueEmail(tx, mail())).name;
      delivery = deliverQueuedEmail(name, { smtp });
      await gate;
    });
    await new Promise((r) => setTimeout(r, 400));
    const whileOpen = sim.messages().length;
    release(); // before asserting: a failed expectation must not leave the transaction (and its lock) open
    await committed;
    expect(whileOpen).toBe(0); // the claim waited on the uncommitted row
    expect(await delivery).toMatchObject({ outcome: "sent" });
    expect(sim.messages()).toHaveLength(1);

    let rolledBack = "";
    await admin().transaction(async (tx) => {
      rolledBack = (await queueEmail(tx, mail())).name;
      throw new Error("the change that would have sent it failed");
    }).catch(() => undefined);
    expect(await deliverQueuedEmail(rolledBack, { smtp })).toEqual({ outcome: "skipped", reason: "missing" });
    expect(sim.messages()).toHaveLength(1);
  });

  it("a row left in Sending by a dead worker is re-claimed after the lease, and the sweep re-queues its job", async () => {
    const { name } = await queued();
    await drainEmailJobs();
    // A worker claimed it and died before recording the result (its job is gone with it).
    await unsafeSystemDb().update(schema.emailQueue).set({ status: "Sending", attempts: 1, modified: "2020-01-01 00:00:00.000000" }).where(eq(schema.emailQueue.name, name));
    expect(await deliverQueuedEmail(name, { smtp, leaseSeconds: 10 * 365 * 86_400 })).toEqual({ outcome: "skipped", reason: "in-flight" });
    await withEmailWorker(async () => {
      expect((await enqueueDueEmails()).due).toBe(1);
      await eventually(async () => expect((await row(name)).status).toBe("Sent"));
    });
    expect(await row(name)).toMatchObject({ attempts: 2 });
    expect(sim.messages()).toHaveLength(1);
  });

  it("the sweep adds the job of a committed row whose job was never added (a crash after commit)", async () => {
    const { name } = await queued();
    // As if the process died between the commit and the enqueue: the row is Not Sent and no job exists.
    await drainEmailJobs();
    await withEmailWorker(async () => {
      expect((await enqueueDueEmails()).due).toBe(1);
      await eventually(async () => expect((await row(name)).status).toBe("Sent"));
      // A second sweep finds nothing due: nothing is sent twice.
      expect((await enqueueDueEmails()).due).toBe(0);
    });
    expect(sim.messages()).toHaveLength(1);
  });
});
