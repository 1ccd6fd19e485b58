import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { closeRedis } from "@orchestrator/auth";
import { createScopedDb, type Principal } from "@orchestrator/db";
import { closeDatabase, schema, unsafeSystemDb } from "@orchestrator/db/system";
import { seedDemo } from "@orchestrator/db/testing";
import { and, count, eq } from "drizzle-orm";
import { createCaller } from "../../root";
import { registry } from "../../registry";
import { contextFor } from "../../trpc/context";
import { demoPrincipals } from "../../testing/principals";
import { seedHelpdeskDemo } from "../demo";

const agent = (user: string, department: string): Principal => ({ user, fullName: user, roles: ["Helpdesk Agent"], departments: [department], grants: { helpdesk: { access: "write", scope: "own_dept" } } });
const ALEX = "agent@demo.orchestrator.test";
const alex = () => createCaller(contextFor(agent(ALEX, "Administration"), { requestId: "agent-ui-test" }));
const medic = () => createCaller(contextFor(agent("agent-med@test.local", "Medical"), { requestId: "agent-ui-test" }));
const db = () => unsafeSystemDb();
const versionsOf = async (name: string) => Number((await db().select({ n: count() }).from(schema.versions).where(and(eq(schema.versions.refDoctype, "HD Ticket"), eq(schema.versions.docname, name))))[0]!.n);

let medicalTicket = "";

beforeAll(async () => {
  await seedDemo(db(), { passwordHash: "x", clientCount: 2 });
  await seedHelpdeskDemo(db(), { passwordHash: "x" });
  const admin = createScopedDb(demoPrincipals.admin(), { requestId: "agent-ui-test" }, registry);
  medicalTicket = (await admin.insert("HD Ticket", { subject: "Medical department ticket", department: "Medical" })).name;
});
afterAll(async () => {
  await closeRedis();
  await closeDatabase();
});

describe("helpdeskAgent procedures", () => {
  it("lists the agent's department's tickets only, typed, with the capped total", async () => {
    const page = await alex().helpdeskAgent.tickets({ page: 1, pageSize: 100 });
    expect(page.total).toBeGreaterThanOrEqual(30);
    expect(page.totalIsCapped).toBe(false);
    expect(page.rows.every((r) => r.department === "Administration")).toBe(true);
    expect(page.rows.some((r) => r.name === medicalTicket)).toBe(false);
  });

  it("answers another department's ticket as NOT_FOUND", async () => {
    const error = await alex().helpdeskAgent.ticket({ name: medicalTicket }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("NOT_FOUND");
    await expect(medic().helpdeskAgent.ticket({ name: medicalTicket })).resolves.toMatchObject({ ticket: { name: medicalTicket } });
  });

  it("offers the catalogues: statuses with categories, priorities by rank, the team with its members", async () => {
    const c = await alex().helpdeskAgent.catalogues();
    expect(c.statuses.map((s) => s.name)).toEqual(expect.arrayContaining(["Open", "Resolved", "Closed"]));
    expect(c.priorities[0]!.name).toBe("Urgent");
    expect(c.teams.find((t) => t.name === "Front Desk")?.members).toContain(ALEX);
  });

  it("bulk-assigns with per-ticket results: out of scope and stale are refused, the rest audited", async () => {
    const { rows } = await alex().helpdeskAgent.tickets({ page: 1, pageSize: 3, status: ["Open"] });
    const [a, b] = rows as [(typeof rows)[0], (typeof rows)[0]];
    const before = await versionsOf(a.name);
    const result = await alex().helpdeskAgent.bulkAssign({ tickets: [{ name: a.name, modified: a.modified }, { name: b.name, modified: "2000-01-01 00:00:00.000000" }, { name: medicalTicket }], assignee: ALEX });
    expect(result.results.map((r) => [r.name, r.ok, r.code])).toEqual([[a.name, true, undefined], [b.name, false, "CONFLICT"], [medicalTicket, false, "NOT_FOUND"]]);
    expect(result).toMatchObject({ succeeded: 1, failed: 2 });
    // Already assigned to Alex is no change (no version); otherwise one audited update.
    expect(await versionsOf(a.name)).toBeLessThanOrEqual(before + 1);
    const closed = await alex().helpdeskAgent.bulkSetStatus({ tickets: [{ name: a.name }], status: "Closed" });
    expect(closed.succeeded).toBe(1);
    expect((await alex().helpdeskAgent.ticket({ name: a.name })).ticket.status).toBe("Closed");
  });

  it("computes the dashboard in the agent's scope", async () => {
    const d = await alex().helpdeskAgent.dashboard({ from: "2000-01-01", to: "2100-12-31" });
    expect(d.open).toBe(d.openByStatus.reduce((s, r) => s + r.count, 0));
    expect(d.open).toBeGreaterThan(0);
    expect(d.range.opened).toBeGreaterThan(0);
    expect(d.range.csat.distribution.map((x) => x.rating)).toEqual([1, 2, 3, 4, 5]);
    const medical = await medic().helpdeskAgent.dashboard({ from: "2000-01-01", to: "2100-12-31" });
    expect(medical.range.opened).toBe(1);
  });

  it("keeps saved views of the ticket list, checked against its parameters", async () => {
    const view = await alex().views.create({ list: "helpdesk", label: "My open", query: "status=Open&assignee=me", isDefault: true });
    expect(view).toMatchObject({ list: "helpdesk", isDefault: true });
    const bad = await alex().views.create({ list: "helpdesk", label: "Bad", query: "colour=red", isDefault: false }).then(() => null, (e: unknown) => e);
    expect((bad as TRPCError).code).toBe("BAD_REQUEST");
  });

  it("lists and marks the agent's own notifications", async () => {
    const n = await alex().helpdeskAgent.notifications();
    expect(n.items.every((i) => typeof i.subject === "string")).toBe(true);
    const marked = await alex().helpdeskAgent.markNotificationsRead({ all: true });
    expect(marked.marked).toBe(Math.min(n.unread, 100));
    expect((await alex().helpdeskAgent.notifications()).unread).toBe(0);
  });
});
