import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRedis, generateApiKeys } from "@orchestrator/auth";
import type { ScopedDb } from "@orchestrator/db";
import { closeDatabase, createUser, schema, unsafeSystemDb } from "@orchestrator/db/system";
import { seedDemo } from "@orchestrator/db/testing";
import { and, asc, eq } from "drizzle-orm";
import { startApiServer } from "../testing/server";
import { seedCrmDemo } from "./demo";
import { admitDeal } from "./services/admit";
import { crmCatalogues } from "./services/catalogues";
import { convertLead } from "./services/convert";
import { getDeal, moveDeal } from "./services/deals";
import { timeline } from "./timeline/timeline";
import { refusedFields, scopedAs } from "../testing/scoped-as";

/**
 * The CRM over real MariaDB and HTTP: team scoping (REST and tRPC, 404 for another team's lead; a
 * manager sees both teams), conversion lead → deal → Client with links, history and audit, field
 * errors for a lost stage without a reason and for malformed e-mails and phones, and round-robin
 * assignment of new leads within a team (the helpdesk's mechanism).
 */
const SALES = "sales@demo.orchestrator.test"; // East Coast
const SALES2 = "sales2@demo.orchestrator.test"; // West Coast
const MANAGER = "salesmanager@demo.orchestrator.test";
const ADMIN = "admin@demo.orchestrator.test";

let api: { url: string; close: () => Promise<void> };
const tokens: Record<string, string> = {};
const db = () => unsafeSystemDb();

const as = (user: string): Promise<ScopedDb> => scopedAs(user);
const auth = (user: string) => ({ authorization: `token ${tokens[user]}` });
const rest = (user: string, path: string, init: RequestInit = {}) => fetch(`${api.url}${path}`, { ...init, headers: { ...auth(user), "content-type": "application/json", ...(init.headers ?? {}) } });
async function trpcQuery(user: string, path: string, input: unknown) {
  const res = await fetch(`${api.url}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: auth(user) });
  return { status: res.status, body: (await res.json()) as { result?: { data: Record<string, unknown> }; error?: { data?: { code?: string } } } };
}
async function leadsOf(team: string): Promise<string[]> {
  return (await db().select({ name: schema.crmLeads.name }).from(schema.crmLeads).where(eq(schema.crmLeads.team, team))).map((r) => r.name);
}
async function versions(doctype: string, docname: string) {
  return db().select({ action: schema.versions.refDoctype, owner: schema.versions.owner, data: schema.versions.data }).from(schema.versions).where(and(eq(schema.versions.refDoctype, doctype), eq(schema.versions.docname, docname))).orderBy(asc(schema.versions.creation));
}
beforeAll(async () => {
  await seedDemo(db(), { passwordHash: "x", clientCount: 2 });
  await seedCrmDemo(db(), { passwordHash: "x" });
  api = await startApiServer();
  for (const user of [SALES, SALES2, MANAGER]) {
    const pair = await generateApiKeys(user);
    tokens[user] = `${pair.api_key}:${pair.api_secret}`;
  }
});
afterAll(async () => {
  await api.close();
  await closeRedis();
  await closeDatabase();
});

describe("team scoping", () => {
  it("a sales user of team A gets 404 for team B's lead through REST and tRPC, and lists only their own and their team's", async () => {
    const [westLead] = await leadsOf("West Coast");
    expect((await rest(SALES, `/api/resource/CRM%20Lead/${westLead}`)).status).toBe(404);
    expect((await rest(SALES, `/api/resource/CRM%20Lead/${westLead}`, { method: "PUT", body: JSON.stringify({ status: "Junk" }) })).status).toBe(404);
    const get = await trpcQuery(SALES, "crm.leads.get", { name: westLead });
    expect(get.status).toBe(404);
    expect(get.body.error?.data?.code).toBe("NOT_FOUND");
    const list = (await (await rest(SALES, `/api/resource/CRM%20Lead?fields=${encodeURIComponent('["name","team"]')}&limit=500`)).json()) as { data: { team: string }[] };
    expect(list.data.length).toBe((await leadsOf("East Coast")).length);
    expect(new Set(list.data.map((r) => r.team))).toEqual(new Set(["East Coast"]));
    const own = await trpcQuery(SALES, "crm.leads.get", { name: (await leadsOf("East Coast"))[0] });
    expect(own.status).toBe(200);
  });

  it("a manager of both teams sees both; catalogues are readable, not writable", async () => {
    const list = await trpcQuery(MANAGER, "crm.leads.list", { pageSize: 100 });
    const rows = (list.body.result!.data as { rows: { team: string }[] }).rows;
    expect(new Set(rows.map((r) => r.team))).toEqual(new Set(["East Coast", "West Coast"]));
    expect((await rest(SALES, "/api/resource/CRM%20Deal%20Status?limit=50")).status).toBe(200);
    expect((await rest(SALES, "/api/resource/CRM%20Deal%20Status", { method: "POST", body: JSON.stringify({ name: "Mine", probability: 5 }) })).status).toBe(403);
  });

  it("the CRM catalogues list every team with its members in order, managers flagged", async () => {
    const catalogues = await crmCatalogues(await as(SALES));
    expect(catalogues.teams).toEqual([
      { name: "East Coast", members: [{ user: SALES, isManager: false }, { user: MANAGER, isManager: true }] },
      { name: "West Coast", members: [{ user: SALES2, isManager: false }, { user: MANAGER, isManager: true }] },
    ]);
  });

  it("a salesperson cannot reassign a lead; their manager can", async () => {
    const [eastLead] = await leadsOf("East Coast");
    expect(await refusedFields((await as(SALES)).update("CRM Lead", eastLead!, { lead_owner: MANAGER }))).toEqual(["lead_owner"]);
    const moved = await (await as(MANAGER)).update("CRM Lead", eastLead!, { team: "West Coast", lead_owner: SALES2 });
    expect(moved.team).toBe("West Coast");
    expect((await rest(SALES, `/api/resource/CRM%20Lead/${eastLead}`)).status).toBe(404);
  });
});

describe("conversion lead → deal → Client", () => {
  it("keeps the links both ways, the lead's history and an audit row per write", async () => {
    const sales = await as(SALES);
    const lead = await sales.insert("CRM Lead", { first_name: "Ivy", last_name: "Lane", email: "Ivy.Lane@Lakeside.example", mobile_no: "+1 617 555 0177", organization: "Lakeside Rehab", source: "Website" });
    expect(lead.team).toBe("East Coast");
    expect(lead.email).toBe("ivy.lane@lakeside.example");
    const note = await sales.insert("CRM Note", { content: "Wants a tour", reference_doctype: "CRM Lead", reference_docname: lead.name });
    expect(note.team).toBe("East Coast");

    const converted = await convertLead(sales, { lead: lead.name, deal: { amount: 25_000.5, currency: "USD" } });
    expect(converted.lead).toMatchObject({ status: "Qualified", converted_deal: converted.deal.name });
    expect(converted.deal).toMatchObject({ lead: lead.name, contact: converted.contact, organization: converted.organization, team: "East Coast", status: "Qualification", probability: 10, amount: 25_000.5 });
    const contact = await db().select().from(schema.contacts).where(eq(schema.contacts.name, converted.contact));
    expect(contact[0]).toMatchObject({ fullName: "Ivy Lane", emailId: "ivy.lane@lakeside.example", phone: "+1 617 555 0177" });
    const view = await getDeal(sales, converted.deal.name);
    // The deal's timeline carries the lead's history.
    expect((await timeline(sales, { doctype: "CRM Deal", name: converted.deal.name })).entries.map((e) => e.key)).toContain(`note:${note.name}`);
    expect(view.contact?.name).toBe(converted.contact);

    expect(await refusedFields(moveDeal(sales, { name: converted.deal.name, stage: "Lost" }))).toEqual(["lost_reason"]);
    await moveDeal(sales, { name: converted.deal.name, stage: "Won" });
    await expect(admitDeal(sales, { deal: converted.deal.name, department: "Medical" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const admitted = await admitDeal(await as(MANAGER), { deal: converted.deal.name, department: "Medical" });
    expect(admitted.client).toMatchObject({ first_name: "Ivy", last_name: "Lane", status: "pending", department: "Medical", crm_deal: converted.deal.name });
    expect(admitted.deal.client).toBe(admitted.client.name);
    expect(String(admitted.client.name)).toMatch(/^CL-\d{5}$/);
    expect(await refusedFields(admitDeal(await as(MANAGER), { deal: converted.deal.name, department: "Medical" }))).toEqual(["deal"]);
    expect(await refusedFields(moveDeal(sales, { name: converted.deal.name, stage: "Negotiation" }))).toEqual(["status"]);

    // History: Version rows for every write, by who did it; the stage log with time in stage.
    expect((await versions("CRM Lead", lead.name)).map((v) => v.owner)).toEqual([SALES, SALES]);
    expect((await versions("CRM Deal", converted.deal.name)).map((v) => v.owner)).toEqual([SALES, SALES, MANAGER]);
    expect((await versions("Contact", converted.contact)).map((v) => v.owner)).toEqual([SALES]);
    expect((await versions("CRM Organization", converted.organization!)).length).toBe(1);
    expect((await versions("Client", String(admitted.client.name))).map((v) => v.owner)).toEqual([MANAGER]);
    const stages = await db().select().from(schema.crmStageChanges).where(eq(schema.crmStageChanges.deal, converted.deal.name)).orderBy(asc(schema.crmStageChanges.changedAt));
    expect(stages.map((s) => [s.fromStage, s.toStage])).toEqual([[null, "Qualification"], ["Qualification", "Won"]]);
    expect(stages[1]!.secondsInPreviousStage).toBeGreaterThanOrEqual(0);
    // The client's reader finds the deal it came from; the other team's salesperson finds nothing.
    expect((await rest(SALES2, `/api/resource/CRM%20Deal/${converted.deal.name}`)).status).toBe(404);
    expect((await rest(MANAGER, `/api/resource/Client/${String(admitted.client.name)}`)).status).toBe(200);
  });

  it("a stage that requires a lost reason asks for it (REST: 417 naming the field)", async () => {
    const [deal] = await db().select({ name: schema.crmDeals.name }).from(schema.crmDeals).where(eq(schema.crmDeals.team, "West Coast")).limit(1);
    const res = await rest(SALES2, `/api/resource/CRM%20Deal/${deal!.name}`, { method: "PUT", body: JSON.stringify({ status: "Lost" }) });
    expect(res.status).toBe(417);
    expect(await res.text()).toMatch(/lost_reason/);
    const ok = await rest(SALES2, `/api/resource/CRM%20Deal/${deal!.name}`, { method: "PUT", body: JSON.stringify({ status: "Lost", lost_reason: "Chose a closer provider" }) });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { data: { probability: number } }).data.probability).toBe(0);
  });
});

describe("bad input", () => {
  it("malformed e-mails and phone numbers are refused per field, nothing written", async () => {
    const sales = await as(SALES);
    const before = (await leadsOf("East Coast")).length;
    expect(await refusedFields(sales.insert("CRM Lead", { first_name: "Bad", email: "not-an-email", mobile_no: "12", phone: "+1 617 555 0100" }))).toEqual(["email", "mobile_no"]);
    expect((await leadsOf("East Coast")).length).toBe(before);
    const res = await rest(SALES, "/api/resource/CRM%20Call%20Log", { method: "POST", body: JSON.stringify({ direction: "Outgoing", from: "+1 617 555 0100", to: "abc" }) });
    expect(res.status).toBe(417);
    expect(await res.text()).toMatch(/"?to"?/);
  });
});

describe("assignment of new leads", () => {
  it("round robin within the team, managers left out, cursor kept on the team", async () => {
    for (const user of ["rr1@test.local", "rr2@test.local"]) await createUser(db(), { email: user, fullName: user, passwordHash: null, roles: ["Sales User"], departments: [] });
    const admin = await as(ADMIN);
    await admin.insert("CRM Team", { team_name: "Round Robin", assignment_rule: { strategy: "round_robin" }, users: [{ user: "rr2@test.local" }, { user: "rr1@test.local" }, { user: MANAGER, is_manager: 1 }] });
    const manager = await as(MANAGER);
    expect(manager.principal.teams).toContain("Round Robin");
    const owners: unknown[] = [];
    for (let i = 0; i < 4; i++) owners.push((await manager.insert("CRM Lead", { first_name: `Lead ${i}`, team: "Round Robin" })).lead_owner);
    expect(owners).toEqual(["rr1@test.local", "rr2@test.local", "rr1@test.local", "rr2@test.local"]);
    const [team] = await db().select({ cursor: schema.crmTeams.assignmentCursor }).from(schema.crmTeams).where(eq(schema.crmTeams.name, "Round Robin"));
    expect(team!.cursor).toBe("rr2@test.local");
  });
});
