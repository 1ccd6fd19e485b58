import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRedis } from "@orchestrator/auth";
import { AppError, createScopedDb, type Principal, type ScopedDb } from "@orchestrator/db";
import { closeDatabase, schema, unsafeSystemDb } from "@orchestrator/db/system";
import { seedDemo } from "@orchestrator/db/testing";
import { and, count, eq, isNull } from "drizzle-orm";
import { registry } from "../../registry";
import { seedHelpdeskDemo } from "../demo";
import { mergeTickets } from "./merge";

const agent = (user: string, department: string): Principal => ({ user, fullName: user, roles: ["Helpdesk Agent"], departments: [department], grants: { helpdesk: { access: "write", scope: "own_dept" } } });
const scope = (p: Principal): ScopedDb => createScopedDb(p, { requestId: "merge-test" }, registry);
const alex = () => scope(agent("agent@demo.orchestrator.test", "Administration"));
const outsider = () => scope(agent("agent-med@test.local", "Medical"));
const db = () => unsafeSystemDb();

async function openTicketsOf(customer: string): Promise<string[]> {
  const rows = await db().select({ name: schema.hdTickets.name }).from(schema.hdTickets).where(and(eq(schema.hdTickets.customer, customer), eq(schema.hdTickets.status, "Open"), isNull(schema.hdTickets.mergedInto)));
  return rows.map((r) => r.name).sort();
}
async function refused(promise: Promise<unknown>, code: string, message?: RegExp): Promise<void> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (message) expect(JSON.stringify((error as AppError).fieldErrors ?? (error as AppError).message)).toMatch(message);
}
const versionsOf = async (name: string) => Number((await db().select({ n: count() }).from(schema.versions).where(and(eq(schema.versions.refDoctype, "HD Ticket"), eq(schema.versions.docname, name))))[0]!.n);

let northwind: string[] = [];
let harbor: string[] = [];

beforeAll(async () => {
  await seedDemo(db(), { passwordHash: "x", clientCount: 2 });
  await seedHelpdeskDemo(db(), { passwordHash: "x" });
  northwind = await openTicketsOf("Northwind Recovery Partners");
  harbor = await openTicketsOf("Harbor Family Services");
  await db().insert(schema.emailMessages).values({ messageId: "<dup-1@mail.example>", direction: "inbound", referenceDoctype: "HD Ticket", referenceName: northwind[0]!, creation: "2026-11-20 10:00:00" });
});
afterAll(async () => {
  await closeRedis();
  await closeDatabase();
});

describe("merging tickets", () => {
  it("closes the duplicate with merged_into, notes it on the target, logs both, moves e-mail threading, audits", async () => {
    const [source, target] = northwind as [string, string];
    const before = await versionsOf(source);
    const closed = await mergeTickets(alex(), { source, target });
    expect(closed).toMatchObject({ name: source, status: "Closed", merged_into: target });
    expect(await versionsOf(source)).toBe(before + 1);
    const notes = await db().select({ content: schema.hdTicketComments.content }).from(schema.hdTicketComments).where(and(eq(schema.hdTicketComments.ticket, target), eq(schema.hdTicketComments.commentType, "Internal Note")));
    expect(notes.some((n) => n.content.startsWith(`Merged ${source} into this ticket`))).toBe(true);
    for (const name of [source, target]) {
      const merges = await db().select({ n: count() }).from(schema.hdTicketActivities).where(and(eq(schema.hdTicketActivities.ticket, name), eq(schema.hdTicketActivities.kind, "merge")));
      expect(Number(merges[0]!.n)).toBe(1);
    }
    const [moved] = await db().select({ ref: schema.emailMessages.referenceName }).from(schema.emailMessages).where(eq(schema.emailMessages.messageId, "<dup-1@mail.example>"));
    expect(moved!.ref).toBe(target);
  });

  it("refuses a second merge of the same ticket, a merge into a merged one, and into itself — nothing written", async () => {
    const [source, target, third] = northwind as [string, string, string];
    const notesBefore = Number((await db().select({ n: count() }).from(schema.hdTicketComments))[0]!.n);
    await refused(mergeTickets(alex(), { source, target: third }), "VALIDATION", /already merged/);
    await refused(mergeTickets(alex(), { source: third, target: source }), "VALIDATION", /merge into that one/);
    await refused(mergeTickets(alex(), { source: target, target }), "VALIDATION", /into itself/);
    expect(Number((await db().select({ n: count() }).from(schema.hdTicketComments))[0]!.n)).toBe(notesBefore);
  });

  it("never joins two customers' threads", async () => {
    const [, , third] = northwind as [string, string, string];
    await refused(mergeTickets(alex(), { source: third, target: harbor[0]! }), "VALIDATION", /different customers/);
    const [row] = await db().select({ merged: schema.hdTickets.mergedInto, status: schema.hdTickets.status }).from(schema.hdTickets).where(eq(schema.hdTickets.name, third));
    expect(row).toEqual({ merged: null, status: "Open" });
  });

  it("an agent of another department gets NOT FOUND", async () => {
    await refused(mergeTickets(outsider(), { source: northwind[2]!, target: northwind[3]! }), "NOT_FOUND");
  });
});
