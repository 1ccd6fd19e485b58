/**
 * Helpdesk automation on real MariaDB and Redis: auto-close closes exactly the tickets resolved N days
 * ago without a customer reply, once, as audited updates by the integration user; pending escalation
 * e-mails go into the outbox exactly once.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeRedis, loadPrincipal } from "@orchestrator/auth";
import { createScopedDb, type Principal, type ScopedDb } from "@orchestrator/db";
import { closeDatabase, schema, unsafeSystemDb } from "@orchestrator/db/system";
import { seedDemo } from "@orchestrator/db/testing";
import { and, eq } from "drizzle-orm";
import { settleEmailKicks } from "../../email/producer";
import { closeQueues } from "../../queue";
import { registry } from "../../registry";
import { demoPrincipals } from "../../testing/principals";
import { changeStatus, createTicket } from "../tickets/service";
import { runAutoClose } from "./auto-close";
import { queuePendingNotificationEmails } from "./notification-mail";

const BOT = "integration@demo.orchestrator.test";
const db = () => unsafeSystemDb();
const admin = (): ScopedDb => createScopedDb(demoPrincipals.admin(), { requestId: "automation-test" }, registry);
const day = 86_400_000;
const NOW = new Date("2026-11-24T12:00:00Z");
let bot: Principal;

async function at<T>(when: Date, fn: () => Promise<T>): Promise<T> {
  vi.setSystemTime(when);
  try { return await fn(); } finally { vi.setSystemTime(NOW); }
}
const ticketRow = async (name: string) => (await db().select().from(schema.hdTickets).where(eq(schema.hdTickets.name, name)))[0]!;

beforeAll(async () => {
  await seedDemo(db(), { passwordHash: "x", clientCount: 1 });
  bot = (await loadPrincipal(BOT))!;
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});
afterAll(async () => {
  vi.useRealTimers();
  await settleEmailKicks();
  await closeQueues();
  await closeRedis();
  await closeDatabase();
});

describe("auto-close", () => {
  it("closes exactly the tickets resolved N days ago without a customer reply, once, audited as the integration user", async () => {
    const open = (subject: string, daysAgo: number) => at(new Date(NOW.getTime() - daysAgo * day), () => createTicket(admin(), { subject, department: "Medical" }));
    const resolve = (name: string, daysAgo: number) => at(new Date(NOW.getTime() - daysAgo * day), () => changeStatus(admin(), name, "Resolved"));
    const due = (await open("Resolved 10 days ago", 12)).name;
    await resolve(due, 10);
    const exactly = (await open("Resolved exactly 7 days ago", 9)).name;
    await resolve(exactly, 7);
    const recent = (await open("Resolved 3 days ago", 5)).name;
    await resolve(recent, 3);
    const stillOpen = (await open("Open for 10 days", 10)).name;
    // Resolved long ago, the customer answered (reopened), resolved again 2 days ago: not due.
    const answered = (await open("Answered after resolution", 12)).name;
    await resolve(answered, 10);
    await at(new Date(NOW.getTime() - 4 * day), () => admin().insert("HD Ticket Comment", { ticket: answered, department: "Medical", comment_type: "Reply", content: "Not fixed" }, { serverValues: { source: "Email" } }));
    expect((await ticketRow(answered)).status).toBe("Open");
    await resolve(answered, 2);

    const first = await runAutoClose(bot, { days: 7, now: NOW, pageSize: 1 });
    expect(first).toEqual({ closed: 2, skipped: 0, failed: 0 });
    for (const name of [due, exactly]) {
      const row = await ticketRow(name);
      expect(row).toMatchObject({ status: "Closed", modifiedBy: BOT });
      const versions = await db().select().from(schema.versions).where(and(eq(schema.versions.docname, name), eq(schema.versions.owner, BOT)));
      expect(versions).toHaveLength(1);
      const activity = await db().select().from(schema.hdTicketActivities).where(and(eq(schema.hdTicketActivities.ticket, name), eq(schema.hdTicketActivities.owner, BOT)));
      expect(activity.map((a) => a.action)).toEqual(expect.arrayContaining(["Status changed from Resolved to Closed", "Closed automatically: resolved 7 day(s) ago without a reply from the customer"]));
    }
    for (const [name, status] of [[recent, "Resolved"], [stillOpen, "Open"], [answered, "Resolved"]] as const) expect((await ticketRow(name)).status).toBe(status);

    expect(await runAutoClose(bot, { days: 7, now: NOW })).toEqual({ closed: 0, skipped: 0, failed: 0 });
  });
});

describe("escalation e-mails", () => {
  it("pending notifications go into the outbox once, each with an audited update, however many sweeps run", async () => {
    const ticket = await createTicket(admin(), { subject: "Escalated", department: "Medical" });
    const n = await admin().insert("HD Notification", { for_user: "supervisor@demo.orchestrator.test", ticket: ticket.name, department: "Medical", kind: "escalation", subject: `${ticket.name}: Escalation Standard level 1`, email_status: "pending" });
    const results = await Promise.all([queuePendingNotificationEmails(bot, { limit: 10 }), queuePendingNotificationEmails(bot, { limit: 10 })]);
    expect(results.reduce((a, b) => a + b, 0)).toBe(1);
    const outbox = await db().select().from(schema.emailQueue).where(and(eq(schema.emailQueue.referenceDoctype, "HD Notification"), eq(schema.emailQueue.referenceName, n.name)));
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ recipients: "supervisor@demo.orchestrator.test", subject: `${ticket.name}: Escalation Standard level 1`, status: "Not Sent", department: "Medical" });
    const [stored] = await db().select().from(schema.hdNotifications).where(eq(schema.hdNotifications.name, n.name));
    expect(stored).toMatchObject({ emailStatus: "none", modifiedBy: BOT });
    expect(await db().select().from(schema.versions).where(and(eq(schema.versions.docname, n.name), eq(schema.versions.owner, BOT)))).toHaveLength(1);
    expect(await queuePendingNotificationEmails(bot, { limit: 10 })).toBe(0);
  });
});
