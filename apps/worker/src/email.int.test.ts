/**
 * The real worker process (`node --import tsx src/index.ts`, WORKER_QUEUES=email) delivering the
 * outbox to the SMTP simulator over real sockets: a 451 is retried and the message arrives once, the
 * job carries the row's id only, and no log line names the recipient or the subject.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The producer (this process, like the web app) stamps the retry policy on the job it adds.
vi.hoisted(() => {
  process.env.EMAIL_RETRY_DELAY_MS = "200";
});
import { startSmtpSimulator, type SmtpSimulator } from "@orchestrator/smtp-simulator";
import { createScopedDb } from "@orchestrator/db";
import { closeDatabase, schema as s, unsafeSystemDb } from "@orchestrator/db/system";
import { registry } from "@orchestrator/modules";
import { closeQueues, getQueue } from "@orchestrator/modules/queue";
import { queueEmail } from "@orchestrator/modules/email";
import { eq } from "drizzle-orm";
import { ensureSeeded, loadDemoPrincipal, PHI_MARKER } from "./testing/fixtures";
import { spawnWorker, waitFor, type WorkerProcess } from "./testing/processes";

let sim: SmtpSimulator;
let worker: WorkerProcess | undefined;

beforeAll(async () => {
  await ensureSeeded();
  await getQueue("email").obliterate({ force: true });
  sim = await startSmtpSimulator({ credentials: { user: "worker-test", password: "worker-test-password" } });
  worker = await spawnWorker({
    WORKER_PORT: "0", WORKER_QUEUES: "email", EMAIL_RETRY_DELAY_MS: "200", EMAIL_DOMAIN: "orchestrator.test",
    SMTP_HOST: sim.host, SMTP_PORT: String(sim.smtpPort), SMTP_USER: "worker-test", SMTP_PASSWORD: "worker-test-password",
  }, { echo: process.env.FAULT_TEST_ECHO === "1" });
});
afterAll(async () => {
  await worker?.kill("SIGTERM");
  await closeQueues();
  await sim.close();
  await closeDatabase();
});

describe("the worker's email queue", () => {
  it("delivers a queued message through the SMTP simulator, retrying a 451, with ids only in jobs and logs", async () => {
    sim.addFaults({ code: 451, times: 1 });
    const admin = createScopedDb((await loadDemoPrincipal("admin@demo.orchestrator.test"))!, { requestId: "worker-email-test" }, registry);
    const recipient = `${PHI_MARKER.toLowerCase()}@patient.test`;
    const { name, messageId } = await admin.transaction((tx) => queueEmail(tx, { recipients: [recipient], subject: `About ${PHI_MARKER}`, message: `Dear ${PHI_MARKER}`, reference: { doctype: "HD Ticket", name: "HD-TKT-09999", department: "Medical" } }));
    const row = await waitFor("the message to be sent", async () => {
      const [r] = await unsafeSystemDb().select().from(s.emailQueue).where(eq(s.emailQueue.name, name));
      return r?.status === "Sent" ? r : undefined;
    }, 30_000);
    expect(row.attempts).toBe(2);
    expect(sim.messages(recipient).map((m) => m.messageId)).toEqual([messageId]);
    const job = await getQueue("email").getJob(name);
    expect(job?.data).toEqual({ name });
    const logged = worker!.lines.map((l) => `${l.msg} ${JSON.stringify(l.fields)}`).join("\n");
    expect(logged).toContain(name);
    expect(logged.toLowerCase()).not.toContain(PHI_MARKER.toLowerCase());
  });
});
