import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { closeRedis, generateApiKeys } from "@orchestrator/auth";
import { AppError, type Principal } from "@orchestrator/db";
import { closeDatabase, createUser, schema, unsafeSystemDb } from "@orchestrator/db/system";
import { seedDemo } from "@orchestrator/db/testing";
import { and, count, eq } from "drizzle-orm";
import { createCaller, type RouterInputs } from "../../index";
import { contextFor } from "../../trpc/context";
import { demoPrincipals } from "../../testing/principals";
import { startApiServer } from "../../testing/server";

type SlaInput = RouterInputs["helpdeskSettings"]["sla"]["save"];

const AGENT = "settings-agent@test.local";
const CUSTOMER = "settings-portal@test.local";
const caller = (p: Principal) => createCaller(contextFor(p, { requestId: "settings-test" }));
const admin = () => caller(demoPrincipals.admin());
// The seeded Helpdesk Agent role: helpdesk read/write, own department only.
const agent = () => caller({ user: AGENT, fullName: "Settings Agent", roles: ["Helpdesk Agent"], departments: ["Medical"], grants: { helpdesk: { access: "write", scope: "own_dept" } } });
const portalContact = () => caller({ user: CUSTOMER, fullName: "Portal", roles: ["Helpdesk Customer"], departments: [], customers: [], grants: { helpdesk: { access: "write", scope: "own_customer" } } });

const weekdays = (hours: { start: string; end: string }[]) => Object.fromEntries(["monday", "tuesday", "wednesday", "thursday", "friday"].map((d) => [d, hours]));
const targets = [
  { priority: "Low", response_minutes: 480, resolution_minutes: 2400 },
  { priority: "Medium", response_minutes: 240, resolution_minutes: 1440 },
  { priority: "High", response_minutes: 60, resolution_minutes: 480 },
  { priority: "Urgent", response_minutes: 30, resolution_minutes: 240 },
];
const sla = (name: string, patch: Partial<SlaInput> = {}): SlaInput => ({
  name,
  description: null,
  enabled: true,
  is_default: false,
  conditions: [],
  calendar: { timeZone: "Europe/London", workingHours: weekdays([{ start: "09:00", end: "17:00" }]), holidays: [{ date: "2026-12-25", description: "Christmas Day" }] },
  pause_on: [],
  at_risk_percent: 75,
  priorities: targets,
  ...patch,
});

async function versions(doctype: string, docname: string): Promise<number> {
  const rows = await unsafeSystemDb().select({ n: count() }).from(schema.versions).where(and(eq(schema.versions.refDoctype, doctype), eq(schema.versions.docname, docname)));
  return Number(rows[0]!.n);
}

/** The refusal's tRPC code and the field errors of its AppError (what the error formatter sends). */
async function refusal(promise: Promise<unknown>): Promise<{ code: string; fields: Record<string, string> }> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(TRPCError);
  const cause = (error as TRPCError).cause;
  const fields = cause instanceof AppError ? Object.fromEntries(cause.fieldErrors.map((f) => [f.field, f.message])) : {};
  return { code: (error as TRPCError).code, fields };
}

let api: { url: string; close: () => Promise<void> };
let adminToken = "";

beforeAll(async () => {
  const db = unsafeSystemDb();
  await seedDemo(db, { passwordHash: "x", clientCount: 2 });
  await createUser(db, { email: AGENT, fullName: "Settings Agent", passwordHash: null, roles: ["Helpdesk Agent"], departments: ["Medical"] });
  await admin().helpdeskSettings.sla.save(sla("Default", { is_default: true }));
  api = await startApiServer();
  const pair = await generateApiKeys("admin@demo.orchestrator.test");
  adminToken = `${pair.api_key}:${pair.api_secret}`;
});
afterAll(async () => {
  await api.close();
  await closeRedis();
  await closeDatabase();
});

describe("helpdesk settings: who may read and change them", () => {
  it("a helpdesk agent (own department) reads every section but is FORBIDDEN to change anything", async () => {
    const a = agent();
    expect((await a.helpdeskSettings.sla.list()).map((r) => r.name)).toContain("Default");
    expect((await a.helpdeskSettings.sla.get({ name: "Default" })).priorities).toHaveLength(4);
    expect(await a.helpdeskSettings.overview()).toMatchObject({ canEdit: false, defaultSla: "Default" });
    expect((await a.helpdeskSettings.options()).priorities.map((p) => p.name)).toEqual(["Urgent", "High", "Medium", "Low"]);

    const current = await a.helpdeskSettings.sla.get({ name: "Default" });
    expect((await refusal(a.helpdeskSettings.sla.save(sla("Default", { modified: current.modified, at_risk_percent: 50 })))).code).toBe("FORBIDDEN");
    expect((await refusal(a.helpdeskSettings.sla.delete({ name: "Default" }))).code).toBe("FORBIDDEN");
    expect((await refusal(a.helpdeskSettings.priorities.save({ name: "Critical", rank: 9 }))).code).toBe("FORBIDDEN");
    expect((await refusal(a.helpdeskSettings.teams.save({ name: "Agents' own", description: null, team_lead: null, members: [], assignment_rule: null }))).code).toBe("FORBIDDEN");
    expect((await admin().helpdeskSettings.sla.get({ name: "Default" })).at_risk_percent).toBe(75);
  });

  it("portal contacts and staff without helpdesk access may not even read them", async () => {
    expect((await refusal(portalContact().helpdeskSettings.sla.list())).code).toBe("FORBIDDEN");
    expect((await refusal(caller(demoPrincipals.medical()).helpdeskSettings.overview())).code).toBe("FORBIDDEN");
  });
});

describe("SLA policies", () => {
  it("overlapping working hours are refused under the day's range, and nothing is written", async () => {
    const overlapping = sla("Overlap", { is_default: true, calendar: { timeZone: "UTC", workingHours: { monday: [{ start: "09:00", end: "13:00" }, { start: "12:00", end: "17:00" }] }, holidays: [] } });
    const refused = await refusal(admin().helpdeskSettings.sla.save(overlapping));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.fields["calendar.workingHours.monday[1]"]).toMatch(/Monday: working hours 09:00–13:00 and 12:00–17:00 overlap/);
    expect(await versions("HD Service Level Agreement", "Overlap")).toBe(0);
    expect((await admin().helpdeskSettings.sla.list()).map((r) => r.name)).not.toContain("Overlap");
    // Making it the default cleared the old default first, in the same transaction: rolled back too.
    expect((await admin().helpdeskSettings.overview()).defaultSla).toBe("Default");

    const before = await admin().helpdeskSettings.sla.get({ name: "Default" });
    const versionsBefore = await versions("HD Service Level Agreement", "Default");
    const edit = await refusal(admin().helpdeskSettings.sla.save({ ...sla("Default", { is_default: true }), modified: before.modified, calendar: { ...before.calendar, workingHours: { ...before.calendar.workingHours, friday: [{ start: "09:00", end: "17:00" }, { start: "16:00", end: "18:00" }] } } }));
    expect(Object.keys(edit.fields)).toEqual(["calendar.workingHours.friday[1]"]);
    expect(await admin().helpdeskSettings.sla.get({ name: "Default" })).toEqual(before);
    expect(await versions("HD Service Level Agreement", "Default")).toBe(versionsBefore);
  });

  it("over HTTP the error carries field paths the editor maps to its inputs, child rows included", async () => {
    const bad = sla("Bad targets", { priorities: [targets[0]!, { priority: "Medium", response_minutes: 1500, resolution_minutes: 1440 }, targets[2]!] });
    const res = await fetch(`${api.url}/api/trpc/helpdeskSettings.sla.save`, { method: "POST", headers: { "content-type": "application/json", authorization: `token ${adminToken}` }, body: JSON.stringify(bad) });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { data: { appCode: string; fieldErrors: { field: string; message: string }[] } } };
    expect(body.error.data.appCode).toBe("VALIDATION");
    const fields = Object.fromEntries(body.error.data.fieldErrors.map((f) => [f.field, f.message]));
    expect(fields["priorities[1].response_minutes"]).toMatch(/Priority Medium: the first-response target \(1500 min\) can't be greater than the resolution target \(1440 min\)/);
    expect(fields.priorities).toMatch(/Priority Urgent has no targets/);
  });

  it("an SLA with per-priority targets round-trips; an edit keeps the rows of priorities that stay", async () => {
    const input = sla("Gold", { description: "Key accounts", conditions: [{ field: "priority", values: ["High", "Urgent"] }], pause_on: ["Replied"], at_risk_percent: 60 });
    const created = await admin().helpdeskSettings.sla.save(input);
    const { modified: _m, priorities, ...rest } = created;
    const { modified: _i, priorities: sent, ...restInput } = input;
    expect(rest).toEqual({ ...restInput, calendar: { ...input.calendar, workingHours: { ...input.calendar.workingHours, saturday: [], sunday: [] } } });
    expect(priorities.map(({ name: _n, ...p }) => p)).toEqual(sent);
    expect(await admin().helpdeskSettings.sla.get({ name: "Gold" })).toEqual(created);

    const edited = await admin().helpdeskSettings.sla.save({ ...input, modified: created.modified, priorities: targets.map((t) => (t.priority === "High" ? { ...t, response_minutes: 45 } : t)) });
    expect(edited.priorities.find((p) => p.priority === "High")?.response_minutes).toBe(45);
    expect(edited.priorities.map((p) => p.name)).toEqual(created.priorities.map((p) => p.name));
    expect(await versions("HD Service Level Agreement", "Gold")).toBe(2);
  });

  it("a stale modified is CONFLICT and overwrites nothing", async () => {
    const opened = await admin().helpdeskSettings.sla.get({ name: "Gold" });
    const saved = await admin().helpdeskSettings.sla.save({ ...opened, at_risk_percent: 70 });
    expect((await refusal(admin().helpdeskSettings.sla.save({ ...opened, at_risk_percent: 90 }))).code).toBe("CONFLICT");
    expect((await admin().helpdeskSettings.sla.get({ name: "Gold" })).at_risk_percent).toBe(70);
    expect(saved.modified).not.toBe(opened.modified);
  });

  it("making another SLA the default moves the flag (one default), and creating a taken name is a field error", async () => {
    const gold = await admin().helpdeskSettings.sla.get({ name: "Gold" });
    await admin().helpdeskSettings.sla.save({ ...gold, is_default: true });
    expect((await admin().helpdeskSettings.sla.list()).filter((r) => r.is_default).map((r) => r.name)).toEqual(["Gold"]);
    const taken = await refusal(admin().helpdeskSettings.sla.save(sla("Gold")));
    expect(taken.fields.name).toMatch(/already exists/);
  });

  it("reports every problem at once: missing targets and the calendar's overlap together", async () => {
    const refused = await refusal(admin().helpdeskSettings.sla.save(sla("All at once", { calendar: { timeZone: "UTC", workingHours: { monday: [{ start: "09:00", end: "13:00" }, { start: "12:00", end: "17:00" }] }, holidays: [] }, priorities: targets.map((t) => ({ ...t, response_minutes: null })) })));
    expect(Object.keys(refused.fields).sort()).toEqual(["calendar.workingHours.monday[1]", "priorities[0].response_minutes", "priorities[1].response_minutes", "priorities[2].response_minutes", "priorities[3].response_minutes"]);
    expect(refused.fields["priorities[0].response_minutes"]).toBe("Priority Low: set a first-response target (business minutes)");
  });

  it("a condition on an unknown field names the field", async () => {
    const refused = await refusal(admin().helpdeskSettings.sla.save(sla("Odd", { conditions: [{ field: "colour", values: ["red"] }] })));
    expect(refused.fields["conditions[0].field"]).toMatch(/unknown field "colour"/);
  });
});

describe("escalation rules, teams, agents and catalogues", () => {
  it("saves a team with members and a skill-based rule; a rule without its fallback is refused under its field", async () => {
    await admin().helpdeskSettings.agents.save({ user: AGENT, agent_name: "Settings Agent", availability: "Away", skills: ["lang:es", " type:Billing "], max_open: 5, is_active: true });
    expect(await admin().helpdeskSettings.agents.get({ name: AGENT })).toMatchObject({ availability: "Away", skills: ["lang:es", "type:Billing"], max_open: 5 });
    const rule = { strategy: "skill_based", maxOpenPerAgent: 8, tieBreak: "round_robin", match: { ticketType: "required", language: "preferred", tags: "ignore" } };
    const refused = await refusal(admin().helpdeskSettings.teams.save({ name: "Billing", description: null, team_lead: AGENT, members: [AGENT], assignment_rule: rule }));
    expect(Object.keys(refused.fields)).toEqual(["assignment_rule.fallback"]);
    const team = await admin().helpdeskSettings.teams.save({ name: "Billing", description: "Invoices", team_lead: AGENT, members: [AGENT, "admin@demo.orchestrator.test"], assignment_rule: { ...rule, fallback: "unassigned" } });
    expect(team).toMatchObject({ name: "Billing", members: [AGENT, "admin@demo.orchestrator.test"], assignment_rule: { ...rule, fallback: "unassigned" } });
    const switched = await admin().helpdeskSettings.teams.save({ ...team, assignment_rule: { strategy: "round_robin", maxOpenPerAgent: null, fallback: "unassigned" } });
    expect(switched.assignment_rule).toEqual({ strategy: "round_robin", maxOpenPerAgent: null });
  });

  it("keeps escalation levels in the order sent and refuses levels out of firing order under the level", async () => {
    const level = { trigger_clock: "response" as const, notify_assignee: true, notify_team_lead: false, notify_user: null, notify_email: false, reassign_team: null, reassign_agent: null, raise_priority: null };
    const refused = await refusal(admin().helpdeskSettings.escalation.save({ name: "Late", description: null, enabled: true, conditions: [], levels: [{ ...level, trigger_percent: 90 }, { ...level, trigger_percent: 50 }] }));
    expect(refused.fields["levels[1].trigger_percent"]).toMatch(/must fire after level 1/);
    const rule = await admin().helpdeskSettings.escalation.save({ name: "Late", description: null, enabled: true, conditions: [], levels: [{ ...level, trigger_percent: 50 }, { ...level, trigger_percent: null, notify_team_lead: true, raise_priority: "next" }] });
    expect(rule.levels.map((l) => l.trigger_percent)).toEqual([50, null]);
    const swapped = await admin().helpdeskSettings.escalation.save({ ...rule, levels: [{ ...rule.levels[0]!, trigger_clock: "resolution" }, rule.levels[1]!] });
    expect(swapped.levels.map((l) => l.name)).toEqual(rule.levels.map((l) => l.name));
  });

  it("catalogue entries in use by a ticket can't be deleted; unused ones can", async () => {
    await admin().helpdeskSettings.priorities.save({ name: "Critical", rank: 9 });
    expect((await admin().helpdeskSettings.priorities.list())[0]).toMatchObject({ name: "Critical", rank: 9 });
    await admin().helpdeskSettings.priorities.delete({ name: "Critical" });
    await admin().helpdeskSettings.statuses.save({ name: "Waiting on vendor", category: "Paused", sort_order: 6 });
    expect((await admin().helpdeskSettings.statuses.list()).map((s) => s.name)).toContain("Waiting on vendor");
    await admin().helpdeskSettings.ticketTypes.save({ name: "Hardware", description: "Printers and laptops" });
    await unsafeSystemDb().insert(schema.hdTickets).values({ name: "HD-TKT-99999", subject: "Printer", status: "Open", priority: "Low", ticketType: "Hardware", department: "Medical", creation: "2026-01-01 00:00:00", modified: "2026-01-01 00:00:00", owner: "system", modifiedBy: "system" });
    const refused = await refusal(admin().helpdeskSettings.ticketTypes.delete({ name: "Hardware" }));
    expect(refused.fields.name).toMatch(/used by 1 ticket/);
  });
});
