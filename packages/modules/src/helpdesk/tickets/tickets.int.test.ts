import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeRedis, generateApiKeys } from "@orchestrator/auth";
import { AppError, createScopedDb, type Principal, type ScopedDb } from "@orchestrator/db";
import { closeDatabase, createUser, schema, unsafeSystemDb } from "@orchestrator/db/system";
import { seedDemo } from "@orchestrator/db/testing";
import { and, count, eq } from "drizzle-orm";
import { registry } from "../../registry";
import { demoPrincipals } from "../../testing/principals";
import { startApiServer } from "../../testing/server";
import { addComment, changePriority, changeStatus, createTicket } from "./service";

const agent = (user: string, department: string): Principal => ({ user, fullName: user, roles: ["Helpdesk Agent"], departments: [department], grants: { helpdesk: { access: "write", scope: "own_dept" } } });
const scope = (p: Principal): ScopedDb => createScopedDb(p, { requestId: "test" }, registry);
const admin = () => scope(demoPrincipals.admin());
const MED = "agent-med@test.local";
const PROG = "agent-prog@test.local";
const medAgent = () => scope(agent(MED, "Medical"));

const office = { timeZone: "UTC", workingHours: Object.fromEntries(["monday", "tuesday", "wednesday", "thursday", "friday"].map((d) => [d, [{ start: "09:00", end: "17:00" }]])) };
const targets = [
  { priority: "Low", response_minutes: 480, resolution_minutes: 2400 },
  { priority: "Medium", response_minutes: 240, resolution_minutes: 1440 },
  { priority: "High", response_minutes: 60, resolution_minutes: 480 },
  { priority: "Urgent", response_minutes: 30, resolution_minutes: 240 },
];
// Monday 23 November 2026, 10:00 UTC.
const at = (hhmm: string, day = 23) => new Date(`2026-11-${day}T${hhmm}:00Z`);
const ts = (d: Date) => d.toISOString().replace("T", " ").replace("Z", "").padEnd(26, "0");

async function versions(doctype: string, docname?: string): Promise<number> {
  const where = docname ? and(eq(schema.versions.refDoctype, doctype), eq(schema.versions.docname, docname)) : eq(schema.versions.refDoctype, doctype);
  return Number((await unsafeSystemDb().select({ n: count() }).from(schema.versions).where(where))[0]!.n);
}
async function refused(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

let api: { url: string; close: () => Promise<void> };
const tokens: Record<string, string> = {};

beforeAll(async () => {
  const db = unsafeSystemDb();
  await seedDemo(db, { passwordHash: "x", clientCount: 2 });
  // The demo seed has the Helpdesk Agent role (helpdesk: write, own department).
  await createUser(db, { email: MED, fullName: "Med Agent", passwordHash: null, roles: ["Helpdesk Agent"], departments: ["Medical"] });
  await createUser(db, { email: PROG, fullName: "Prog Agent", passwordHash: null, roles: ["Helpdesk Agent"], departments: ["Program"] });
  await admin().insert("HD Service Level Agreement", { name: "Default", is_default: 1, calendar: office, priorities: targets });
  vi.useFakeTimers({ toFake: ["Date"] });
  api = await startApiServer();
  for (const user of [MED, PROG]) {
    const pair = await generateApiKeys(user);
    tokens[user] = `${pair.api_key}:${pair.api_secret}`;
  }
});
afterAll(async () => {
  vi.useRealTimers();
  await api.close();
  await closeRedis();
  await closeDatabase();
});

describe("ticket SLA", () => {
  let ticket = "";

  it("a new ticket gets the default SLA's due dates in business time, an activity row and a Version row", async () => {
    vi.setSystemTime(at("10:00"));
    const doc = await createTicket(medAgent(), { subject: "Printer on fire", priority: "Medium", raised_by: "c@example.com" });
    ticket = doc.name;
    expect(doc).toMatchObject({ department: "Medical", status: "Open", sla: "Default", agreement_status: "First Response Due", at_risk: 0 });
    expect(doc.response_by).toBe(ts(at("14:00"))); // 240 business minutes
    expect(doc.resolution_by).toBe(ts(at("10:00", 26))); // 1440 = three 8-hour days
    expect(await versions("HD Ticket", ticket)).toBe(1);
    const acts = await medAgent().list("HD Ticket Activity", { filters: [{ field: "ticket", operator: "=", value: ticket }], fields: ["kind"] });
    expect(acts.map((a) => a.kind)).toContain("created");
  });

  it("pausing then resuming pushes resolution_by later by the paused business time", async () => {
    vi.setSystemTime(at("11:00"));
    const paused = await changeStatus(medAgent(), ticket, "Paused");
    expect(paused).toMatchObject({ agreement_status: "Paused", resolution_by: null, on_hold_since: ts(at("11:00")) });
    vi.setSystemTime(at("13:00"));
    const resumed = await changeStatus(medAgent(), ticket, "Open");
    expect(resumed.resolution_by).toBe(ts(at("12:00", 26)));
    expect(resumed).toMatchObject({ total_hold_time: 7200, on_hold_since: null, agreement_status: "First Response Due" });
    expect(await versions("HD Ticket", ticket)).toBe(3);
  });

  it("the first reply sets first_responded_on; resolving fulfils the agreement", async () => {
    vi.setSystemTime(at("13:30"));
    await addComment(medAgent(), { ticket, type: "Reply", content: "On it" });
    const replied = await medAgent().get("HD Ticket", ticket);
    expect(replied).toMatchObject({ first_responded_on: ts(at("13:30")), agreement_status: "Resolution Due" });
    vi.setSystemTime(at("15:00"));
    const resolved = await changeStatus(medAgent(), ticket, "Resolved");
    expect(resolved).toMatchObject({ agreement_status: "Fulfilled", resolution_date: ts(at("15:00")) });
    expect(await versions("HD Ticket", ticket)).toBe(5);
    expect(await versions("HD Ticket Comment")).toBe(1);
  });

  it("a priority change recomputes the due dates from the SLA start", async () => {
    vi.setSystemTime(at("10:00", 24));
    const low = await createTicket(medAgent(), { subject: "Slow laptop", priority: "Low" });
    expect(low.response_by).toBe(ts(at("10:00", 25)));
    vi.setSystemTime(at("10:10", 24));
    const urgent = await changePriority(medAgent(), low.name, "Urgent");
    expect(urgent).toMatchObject({ response_by: ts(at("10:30", 24)), resolution_by: ts(at("14:00", 24)), agreement_status: "First Response Due" });
    vi.setSystemTime(at("10:25", 24));
    expect((await changeStatus(medAgent(), low.name, "Replied")).at_risk).toBe(1); // 25 of 30 minutes used
    expect(await versions("HD Ticket", low.name)).toBe(3);
  });
});

describe("SLA policy validation", () => {
  it("refuses response > resolution, overlapping hours, a priority without targets and an unknown condition field, writing nothing", async () => {
    const before = [await versions("HD Service Level Agreement"), Number((await unsafeSystemDb().select({ n: count() }).from(schema.hdServiceLevelAgreements))[0]!.n)];
    const error = await refused(
      admin().insert("HD Service Level Agreement", {
        name: "Broken",
        calendar: { timeZone: "UTC", workingHours: { monday: [{ start: "09:00", end: "12:00" }, { start: "11:00", end: "13:00" }] } },
        conditions: [{ field: "colour", values: ["red"] }],
        priorities: [{ priority: "Low", response_minutes: 600, resolution_minutes: 480 }, ...targets.slice(1, 3)],
      }),
      "VALIDATION",
    );
    const fields = error.fieldErrors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["calendar.workingHours.monday[1]", "priorities[0].response_minutes", "priorities", "conditions[0].field"]));
    expect(error.fieldErrors.find((e) => e.field === "priorities")?.message).toMatch(/Urgent has no targets/);
    expect([await versions("HD Service Level Agreement"), Number((await unsafeSystemDb().select({ n: count() }).from(schema.hdServiceLevelAgreements))[0]!.n)]).toEqual(before);
  });

  it("an update of the targets alone is validated too", async () => {
    const error = await refused(admin().update("HD Service Level Agreement", "Default", { priorities: [{ priority: "Low", response_minutes: 10, resolution_minutes: 5 }] }), "VALIDATION");
    expect(error.fieldErrors.map((e) => e.field)).toEqual(expect.arrayContaining(["priorities[0].response_minutes", "priorities"]));
  });
});

describe("assignment", () => {
  it("a team's round-robin rule assigns new tickets in turn and records the cursor", async () => {
    await admin().insert("HD Agent", { user: MED, availability: "Active" });
    await admin().insert("HD Agent", { user: "medical@demo.orchestrator.test", availability: "Active" });
    await admin().insert("HD Team", { team_name: "Support", assignment_rule: { strategy: "round_robin" }, users: [{ user: MED }, { user: "medical@demo.orchestrator.test" }] });
    const a = await createTicket(medAgent(), { subject: "One", agent_group: "Support" });
    const b = await createTicket(medAgent(), { subject: "Two", agent_group: "Support" });
    expect([a.assignee, b.assignee]).toEqual([MED, "medical@demo.orchestrator.test"]);
    expect((await admin().get("HD Team", "Support")).assignment_cursor).toBe("medical@demo.orchestrator.test");
    await refused(medAgent().update("HD Ticket", a.name, { assignee: PROG }), "VALIDATION");
  });
});

describe("scope", () => {
  it("an agent of another department gets NOT_FOUND through tRPC and REST; the ticket's department sees it", async () => {
    vi.setSystemTime(at("09:30", 25));
    const doc = await createTicket(medAgent(), { subject: "Medical only" });
    await refused(scope(agent(PROG, "Program")).get("HD Ticket", doc.name), "NOT_FOUND");
    const trpc = (user: string) => fetch(`${api.url}/api/trpc/helpdesk.get?input=${encodeURIComponent(JSON.stringify({ name: doc.name }))}`, { headers: { authorization: `token ${tokens[user]}` } });
    const rest = (user: string) => fetch(`${api.url}/api/resource/HD%20Ticket/${doc.name}`, { headers: { authorization: `token ${tokens[user]}` } });
    const [t404, r404, t200, r200] = await Promise.all([trpc(PROG), rest(PROG), trpc(MED), rest(MED)]);
    expect([t404.status, r404.status, t200.status, r200.status]).toEqual([404, 404, 200, 200]);
    expect(((await t404.json()) as { error: { data: { code: string } } }).error.data.code).toBe("NOT_FOUND");
    const list = await fetch(`${api.url}/api/trpc/helpdesk.list?input=${encodeURIComponent(JSON.stringify({ pageSize: 100 }))}`, { headers: { authorization: `token ${tokens[PROG]}` } });
    expect(((await list.json()) as { result: { data: { total: number } } }).result.data.total).toBe(0);
  });

  it("a REST status change goes through the same SLA rules and is audited", async () => {
    vi.setSystemTime(at("10:00", 25));
    const doc = await createTicket(medAgent(), { subject: "Via REST", priority: "High" });
    const res = await fetch(`${api.url}/api/resource/HD%20Ticket/${doc.name}`, { method: "PUT", headers: { authorization: `token ${tokens[MED]}`, "content-type": "application/json" }, body: JSON.stringify({ status: "Resolved" }) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: Record<string, unknown> };
    expect(body.data).toMatchObject({ status: "Resolved", agreement_status: "Fulfilled" });
    expect(await versions("HD Ticket", doc.name)).toBe(2);
  });
});
