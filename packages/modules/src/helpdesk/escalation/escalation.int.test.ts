import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Worker } from "bullmq";
import { closeRedis } from "@orchestrator/auth";
import { AppError, createScopedDb, mergeGrants, seededRoleMatrix, type Principal, type ScopedDb } from "@orchestrator/db";
import { closeDatabase, createUser, schema, unsafeSystemDb } from "@orchestrator/db/system";
import { eventually, seedDemo } from "@orchestrator/db/testing";
import { and, count, eq } from "drizzle-orm";
import { createSlaProcessor } from "../../jobs/sla";
import { closeQueues, createRedisConnection, getQueue } from "../../queue";
import { registry } from "../../registry";
import { demoPrincipals } from "../../testing/principals";
import { addComment, createTicket } from "../tickets/service";
import { runEscalationSweep, selectCandidates } from "./sweep";

const ADMIN = "admin@demo.orchestrator.test";
const MED = "agent-med@test.local";
const BOT = "integration@demo.orchestrator.test";
const scope = (p: Principal): ScopedDb => createScopedDb(p, { requestId: "test" }, registry);
const admin = () => scope(demoPrincipals.admin());
const medAgent = () => scope({ user: MED, fullName: MED, roles: ["Helpdesk Agent"], departments: ["Medical"], grants: { helpdesk: { access: "write", scope: "own_dept" } } });
/** The sweep's actor: the seeded Integration service user, with the seed matrix's grants. */
const bot: Principal = { user: BOT, fullName: "Integration Service", roles: ["Integration"], departments: ["Administration"], grants: mergeGrants(Object.entries(seededRoleMatrix.Integration).map(([category, g]) => ({ category, access: g!.access, scope: g!.scope }))) };

const office = { timeZone: "UTC", workingHours: Object.fromEntries(["monday", "tuesday", "wednesday", "thursday", "friday"].map((d) => [d, [{ start: "09:00", end: "17:00" }]])) };
const targets = [
  { priority: "Low", response_minutes: 60, resolution_minutes: 480 },
  { priority: "Medium", response_minutes: 30, resolution_minutes: 240 },
  { priority: "High", response_minutes: 15, resolution_minutes: 120 },
  { priority: "Urgent", response_minutes: 10, resolution_minutes: 60 },
];
// Monday 23 November 2026 (UTC, working hours 09–17).
const at = (hhmm: string, day = 23) => new Date(`2026-11-${day}T${hhmm}:00Z`);

/** The sweep at `now`, with the clock there too (the ticket's validate reads it when a level changes the ticket). */
async function sweepAt(now: Date, options: Parameters<typeof runEscalationSweep>[1] = {}) {
  vi.setSystemTime(now);
  return runEscalationSweep(bot, { ...options, now });
}

const db = () => unsafeSystemDb();
async function firedOf(ticket: string) {
  return db().select().from(schema.hdEscalationFired).where(eq(schema.hdEscalationFired.ticket, ticket)).orderBy(schema.hdEscalationFired.level);
}
async function escalationActivities(ticket: string) {
  const rows = await db().select().from(schema.hdTicketActivities).where(and(eq(schema.hdTicketActivities.ticket, ticket), eq(schema.hdTicketActivities.kind, "escalation")));
  return rows.map((r) => r.action);
}
async function notificationsOf(ticket: string) {
  return db().select().from(schema.hdNotifications).where(eq(schema.hdNotifications.ticket, ticket));
}
async function versionsBy(actor: string, doctype: string, docname?: string): Promise<number> {
  const v = schema.versions;
  const where = and(eq(v.owner, actor), eq(v.refDoctype, doctype), ...(docname ? [eq(v.docname, docname)] : []));
  return Number((await db().select({ n: count() }).from(v).where(where))[0]!.n);
}

/** A Low ticket created Monday 10:00 and answered at 10:05: only the resolution clock runs (480 min → Tuesday 10:00; 75 % → Monday 16:00). */
async function lowTicket(subject: string): Promise<string> {
  vi.setSystemTime(at("10:00"));
  const ticket = await createTicket(medAgent(), { subject, priority: "Low" });
  vi.setSystemTime(at("10:05"));
  await addComment(medAgent(), { ticket: ticket.name, type: "Reply", content: "Looking" });
  return ticket.name;
}

beforeAll(async () => {
  await seedDemo(db(), { passwordHash: "x", clientCount: 1 });
  // The demo seed has the Helpdesk Agent role (helpdesk: write, own department).
  await createUser(db(), { email: MED, fullName: "Med Agent", passwordHash: null, roles: ["Helpdesk Agent"], departments: ["Medical"] });
  await admin().insert("HD Service Level Agreement", { name: "Default", is_default: 1, calendar: office, priorities: targets });
  await admin().insert("HD Team", { team_name: "Tier 2", team_lead: ADMIN });
  await admin().insert("HD Escalation Rule", {
    name: "Standard",
    levels: [
      { trigger_clock: "resolution", trigger_percent: 75, notify_user: MED, notify_email: 1 },
      { trigger_clock: "resolution", reassign_team: "Tier 2", raise_priority: "next", notify_team_lead: 1 },
    ],
  });
  vi.useFakeTimers({ toFake: ["Date"] });
});
afterAll(async () => {
  vi.useRealTimers();
  await closeQueues();
  await closeRedis();
  await closeDatabase();
});

describe("HD Escalation Rule validation", () => {
  it("refuses levels out of order, a percent out of range, unknown team, priority and agent, and a level that does nothing, each under its field", async () => {
    const error = await admin()
      .insert("HD Escalation Rule", {
        name: "Bad",
        conditions: [{ field: "priority", values: ["Critical"] }],
        levels: [
          { trigger_clock: "resolution", trigger_percent: 90, notify_user: MED },
          { trigger_clock: "resolution", trigger_percent: 50, notify_user: MED },
          { trigger_clock: "response", trigger_percent: 150, notify_user: MED },
          { trigger_clock: "response", raise_priority: "Blocker", reassign_agent: MED }, // a user, but not an HD Agent
          { trigger_clock: "resolution" },
        ],
      })
      .then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    const fields = (error as AppError).fieldErrors.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(["conditions[0].values", "levels[1].trigger_percent", "levels[2].trigger_percent", "levels[3].raise_priority", "levels[3].reassign_agent", "levels[4]"]));
    expect((error as AppError).fieldErrors.find((f) => f.field === "levels[1].trigger_percent")!.message).toMatch(/after level 1/);
    const unknownTeam = await admin().insert("HD Escalation Rule", { name: "Bad team", levels: [{ trigger_clock: "response", reassign_team: "Nope" }] }).then(() => null, (e: unknown) => e);
    expect((unknownTeam as AppError).fieldErrors.map((f) => f.field)).toEqual(["levels[0].reassign_team"]);
    expect(await db().select().from(schema.hdEscalationRules).where(eq(schema.hdEscalationRules.name, "Bad"))).toEqual([]);
  });
});

describe("the escalation sweep", () => {
  it("fires level 1 at 75 % and level 2 when breached, each exactly once across many sweeps, with its actions, activity and audit", async () => {
    const ticket = await lowTicket("Level by level");
    expect((await sweepAt(at("15:59"))).fired).toBe(0);
    expect(await sweepAt(at("16:00"))).toMatchObject({ candidates: 1, fired: 1 });
    for (const hhmm of ["16:01", "16:30", "16:59"]) expect((await sweepAt(at(hhmm))).candidates).toBe(0);
    let notes = await notificationsOf(ticket);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ forUser: MED, kind: "escalation", emailStatus: "pending", department: "Medical" });
    expect((await sweepAt(at("09:59", 24))).fired).toBe(0);
    expect(await sweepAt(at("10:00", 24))).toMatchObject({ fired: 1 });
    for (const hhmm of ["10:01", "11:00"]) expect((await sweepAt(at(hhmm, 24))).candidates).toBe(0);
    expect((await sweepAt(at("10:00", 30))).candidates).toBe(0);

    expect((await firedOf(ticket)).map((f) => f.level)).toEqual([1, 2]);
    expect(await escalationActivities(ticket)).toEqual(["Escalation Standard level 1: resolution time 75% used", "Escalation Standard level 2: resolution time breached"]);
    const doc = await admin().get("HD Ticket", ticket);
    expect(doc).toMatchObject({ agent_group: "Tier 2", priority: "Medium", agreement_status: "Failed" });
    notes = await notificationsOf(ticket);
    expect(notes.map((n) => n.forUser).sort()).toEqual([ADMIN, MED].sort()); // level 2 told the team lead
    // Audited as the service user: the ticket update, the two activity rows, the two notifications.
    expect(await versionsBy(BOT, "HD Ticket", ticket)).toBe(1);
    expect(await versionsBy(BOT, "HD Notification")).toBeGreaterThanOrEqual(2);
    expect(await versionsBy(BOT, "HD Ticket Activity")).toBeGreaterThanOrEqual(2);
  });

  it("a first response or a resolution before a level's instant cancels it", async () => {
    vi.setSystemTime(at("10:00"));
    const ticket = await createTicket(medAgent(), { subject: "Answered in time", priority: "Low" });
    const marks = await db().select().from(schema.hdTicketEscalationMarks).where(eq(schema.hdTicketEscalationMarks.ticket, ticket.name));
    expect(marks.map((m) => m.level).sort()).toEqual([1, 2]);
    vi.setSystemTime(at("10:10"));
    await addComment(medAgent(), { ticket: ticket.name, type: "Reply", content: "Done" });
    await medAgent().update("HD Ticket", ticket.name, { status: "Resolved" });
    expect(await db().select().from(schema.hdTicketEscalationMarks).where(eq(schema.hdTicketEscalationMarks.ticket, ticket.name))).toEqual([]);
    expect((await sweepAt(at("10:00", 25))).candidates).toBe(0);
  });

  it("two sweeps running at once fire each level once", async () => {
    const tickets = [await lowTicket("Race 1"), await lowTicket("Race 2"), await lowTicket("Race 3")];
    vi.setSystemTime(at("16:00"));
    const [a, b] = await Promise.all([runEscalationSweep(bot, { now: at("16:00"), pageSize: 2 }), runEscalationSweep(bot, { now: at("16:00"), pageSize: 2 })]);
    expect(a.fired + b.fired).toBe(3);
    expect(a.failed + b.failed).toBe(0);
    for (const t of tickets) {
      expect((await firedOf(t)).map((f) => f.level)).toEqual([1]);
      expect(await escalationActivities(t)).toHaveLength(1);
      expect(await notificationsOf(t)).toHaveLength(1);
    }
  });

  it("a crash after the fired row is written but before the commit leaves nothing; the next sweep fires it once", async () => {
    const ticket = await lowTicket("Crash");
    const crashed = await sweepAt(at("10:00", 24), {
      beforeCommit: async () => {
        expect((await selectCandidates(at("10:00", 24), 100)).length).toBeGreaterThan(0); // outside the transaction: nothing visible yet
        throw new Error("worker killed");
      },
    });
    expect(crashed.failed).toBeGreaterThanOrEqual(2);
    expect(await firedOf(ticket)).toEqual([]);
    expect(await escalationActivities(ticket)).toEqual([]);
    expect(await notificationsOf(ticket)).toEqual([]);
    expect(await admin().get("HD Ticket", ticket)).toMatchObject({ priority: "Low", agent_group: null });

    const next = await sweepAt(at("10:01", 24));
    expect(next.failed).toBe(0);
    expect((await firedOf(ticket)).map((f) => f.level)).toEqual([1, 2]);
    expect(await escalationActivities(ticket)).toHaveLength(2);
    expect((await sweepAt(at("10:02", 24))).candidates).toBe(0);
  });

  it("a reopened ticket is in a new cycle: its levels can fire again", async () => {
    const ticket = await lowTicket("Reopened");
    await sweepAt(at("16:00"));
    vi.setSystemTime(at("16:10"));
    await medAgent().update("HD Ticket", ticket, { status: "Resolved" });
    vi.setSystemTime(at("16:20"));
    await medAgent().update("HD Ticket", ticket, { status: "Open" });
    await sweepAt(at("16:21"));
    const fired = await firedOf(ticket);
    expect(fired.filter((f) => f.level === 1).map((f) => f.cycle.slice(-2))).toEqual(["#0", "#1"]);
  });
});

describe("rule changes", () => {
  it("a rule disabled after its marks were written fires nothing: the sweep drops its marks", async () => {
    await admin().insert("HD Escalation Rule", { name: "High only", conditions: [{ field: "priority", values: ["High"] }], levels: [{ trigger_clock: "resolution", trigger_percent: 50, notify_user: ADMIN }] });
    vi.setSystemTime(at("10:00"));
    const ticket = (await createTicket(medAgent(), { subject: "High", priority: "High" })).name;
    vi.setSystemTime(at("10:01"));
    await addComment(medAgent(), { ticket, type: "Reply", content: "On it" });
    const marks = () => db().select().from(schema.hdTicketEscalationMarks).where(and(eq(schema.hdTicketEscalationMarks.ticket, ticket), eq(schema.hdTicketEscalationMarks.rule, "High only")));
    expect(await marks()).toHaveLength(1); // 50 % of 120 minutes: 11:00
    await admin().update("HD Escalation Rule", "High only", { enabled: 0 });
    const result = await sweepAt(at("12:00")); // Standard's two levels (11:30, 12:00) fire; High only's is stale
    expect(result).toMatchObject({ fired: 2, stale: 1, failed: 0 });
    expect(await marks()).toEqual([]);
    expect((await firedOf(ticket)).map((f) => f.rule)).toEqual(["Standard", "Standard"]);
  });
});

describe("the sla-sweep job", () => {
  it("runs on a real BullMQ worker and fires the due levels", async () => {
    const ticket = await lowTicket("Through BullMQ");
    vi.useRealTimers(); // BullMQ keeps its own time
    const connection = createRedisConnection("worker");
    const queue = getQueue("sla");
    await queue.obliterate({ force: true });
    const worker = new Worker("sla", createSlaProcessor({ loadPrincipal: async (user) => (user === BOT ? bot : null), now: () => at("16:00") }), { connection });
    try {
      await worker.waitUntilReady();
      const job = await queue.add("sla-sweep", {}, { jobId: "sla-sweep-test" });
      const done = await eventually(async () => {
        const state = await job.getState();
        if (state !== "completed" && state !== "failed") throw new Error(`job is ${state}`);
        return (await queue.getJob(job.id!))!;
      });
      expect(await done.getState()).toBe("completed");
      expect(done.returnvalue).toMatchObject({ fired: 1, failed: 0 });
      expect((await firedOf(ticket)).map((f) => f.level)).toEqual([1]);
    } finally {
      await worker.close();
      await connection.quit();
      await queue.obliterate({ force: true });
      vi.useFakeTimers({ toFake: ["Date"] });
    }
  });
});
