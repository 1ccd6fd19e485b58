import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRedis, generateApiKeys, loadPrincipal } from "@orchestrator/auth";
import { createScopedDb } from "@orchestrator/db";
import { closeDatabase, schema, unsafeSystemDb } from "@orchestrator/db/system";
import { seedDemo } from "@orchestrator/db/testing";
import { and, eq, inArray } from "drizzle-orm";
import { registry } from "../../registry";
import { startApiServer } from "../../testing/server";
import { seedCrmDemo } from "../demo";
import { confirmImport, previewImport } from "./import";

/**
 * CSV import over real MariaDB and HTTP (tRPC): the dry run reports every bad row (row, field,
 * problem) and writes nothing; the confirmation imports exactly the good rows, audited; confirming the
 * same file again imports nothing (its rows are duplicates now); a wrong header is refused with the
 * expected one; a token that is not the previewed file's is refused.
 */
const SALES = "sales@demo.orchestrator.test"; // East Coast
const ADMIN = "admin@demo.orchestrator.test";
const MANAGER = "salesmanager@demo.orchestrator.test"; // both teams

let api: { url: string; close: () => Promise<void> };
let token = "";
const db = () => unsafeSystemDb();

type Issue = { row: number; field: string; problem: string };
type TrpcBody = { result?: { data: Record<string, unknown> }; error?: { message: string; data?: { code?: string; fieldErrors?: { field: string; message: string }[] } } };
async function mutate(path: string, input: unknown): Promise<{ status: number; body: TrpcBody }> {
  const res = await fetch(`${api.url}/api/trpc/${path}`, { method: "POST", headers: { authorization: `token ${token}`, "content-type": "application/json" }, body: JSON.stringify(input) });
  return { status: res.status, body: (await res.json()) as TrpcBody };
}
const leadEmails = async () => (await db().select({ email: schema.crmLeads.email }).from(schema.crmLeads)).map((r) => r.email).sort();
const versionCount = async (names: string[]) => (names.length ? (await db().select({ name: schema.versions.docname }).from(schema.versions).where(and(eq(schema.versions.refDoctype, "CRM Lead"), inArray(schema.versions.docname, names)))).length : 0);

const LEADS_CSV = [
  "first_name,last_name,email,mobile_no,organization,source,status",
  "Ivy,Lane,ivy@lakeside.example,+1 617 555 0177,Lakeside,,New", // 2 good
  ",Nofirst,nofirst@lakeside.example,,,,", // 3 no first name
  "Bo,Bad,not-an-email,,,,", // 4 bad e-mail
  "Cy,Dup,IVY@lakeside.example,,,,", // 5 same e-mail as row 2
  "Di,Good,di@lakeside.example,(617) 555-0188,,,contacted", // 6 good (status matched case-insensitively)
  "Ed,Status,ed@lakeside.example,,,,Sleeping", // 7 unknown status
  "Fay,Phone,fay@lakeside.example,12,,,", // 8 bad phone
  "Gus,Old,OLD@lakeside.example,,,,", // 9 an existing lead's e-mail
].join("\r\n");

beforeAll(async () => {
  await seedDemo(db(), { passwordHash: "x", clientCount: 1 });
  await seedCrmDemo(db(), { passwordHash: "x" });
  api = await startApiServer();
  const pair = await generateApiKeys(SALES);
  token = `${pair.api_key}:${pair.api_secret}`;
  const sales = createScopedDb((await loadPrincipal(SALES))!, { requestId: "import-test" }, registry);
  await sales.insert("CRM Lead", { first_name: "Olga", last_name: "Old", email: "old@lakeside.example" });
});
afterAll(async () => {
  await api.close();
  await closeRedis();
  await closeDatabase();
});

describe("CRM CSV import", () => {
  it("a wrong header is refused with the expected header (BAD_REQUEST, field csv)", async () => {
    const res = await mutate("crm.importPreview", { target: "leads", csv: "name,e-mail\r\nIvy,ivy@lakeside.example" });
    expect(res.status).toBe(400);
    expect(res.body.error?.data?.code).toBe("BAD_REQUEST");
    expect(res.body.error?.data?.fieldErrors).toEqual([{ field: "csv", message: expect.stringContaining("Expected header: first_name,last_name,email,mobile_no,organization,source,status") }]);
  });

  it("the preview reports every bad row and writes nothing; the confirmation imports exactly the good rows; again, nothing new", async () => {
    const before = await leadEmails();
    const preview = await mutate("crm.importPreview", { target: "leads", csv: LEADS_CSV });
    expect(preview.status).toBe(200);
    const report = preview.body.result!.data as { token: string; counts: Record<string, number>; issues: Issue[] };
    expect(report.counts).toEqual({ rows: 8, valid: 2, invalid: 4, duplicate: 2 });
    expect(report.issues.map((i) => [i.row, i.field])).toEqual([[3, "first_name"], [4, "email"], [5, "email"], [7, "status"], [8, "mobile_no"], [9, "email"]]);
    expect(report.issues.find((i) => i.row === 5)!.problem).toBe("Same e-mail as row 2");
    expect(report.issues.find((i) => i.row === 9)!.problem).toMatch(/^E-mail already belongs to CRM-LEAD-\d{5}$/);
    expect(await leadEmails()).toEqual(before);

    // A token that is not the previewed file's: refused, nothing written.
    const tampered = await mutate("crm.importConfirm", { target: "leads", csv: `${LEADS_CSV}\r\nHal,New,hal@lakeside.example,,,,`, token: report.token });
    expect(tampered.status).toBe(400);
    expect(tampered.body.error?.data?.fieldErrors?.[0]?.field).toBe("token");
    expect(await leadEmails()).toEqual(before);

    const confirm = await mutate("crm.importConfirm", { target: "leads", csv: LEADS_CSV, token: report.token });
    expect(confirm.status).toBe(200);
    const done = confirm.body.result!.data as { imported: string[]; counts: Record<string, number>; issues: Issue[] };
    expect(done.imported).toHaveLength(2);
    expect(done.counts).toMatchObject({ imported: 2, refused: 0 });
    expect(done.issues.map((i) => i.row)).toEqual([3, 4, 5, 7, 8, 9]);
    expect(await leadEmails()).toEqual([...before, "di@lakeside.example", "ivy@lakeside.example"].sort());
    const imported = await db().select().from(schema.crmLeads).where(inArray(schema.crmLeads.name, done.imported));
    expect(imported.map((l) => [l.email, l.mobileNo, l.status, l.team]).sort()).toEqual([["di@lakeside.example", "+16175550188", "Contacted", "East Coast"], ["ivy@lakeside.example", "+16175550177", "New", "East Coast"]]);
    expect(await versionCount(done.imported)).toBe(2);

    // The same file again: its good rows are duplicates of what was just imported.
    const again = await mutate("crm.importConfirm", { target: "leads", csv: LEADS_CSV, token: report.token });
    const second = again.body.result!.data as { imported: string[]; counts: Record<string, number>; issues: Issue[] };
    expect(second.imported).toEqual([]);
    expect(second.counts).toMatchObject({ valid: 0, duplicate: 4, imported: 0 });
    expect(second.issues.filter((i) => i.row === 2 || i.row === 6).map((i) => i.problem)).toEqual(expect.arrayContaining([expect.stringMatching(/already belongs to CRM-LEAD-/)]));
    expect(await leadEmails()).toEqual([...before, "di@lakeside.example", "ivy@lakeside.example"].sort());
  });

  it("a manager of several teams imports into the team they choose; a team they are not in, or none, is refused", async () => {
    const manager = createScopedDb((await loadPrincipal(MANAGER))!, { requestId: "import-test" }, registry);
    const sales = createScopedDb((await loadPrincipal(SALES))!, { requestId: "import-test" }, registry);
    const csv = "first_name,last_name,email,mobile_no,organization,source,status\r\nTeo,West,teo@lakeside.example,,,,";
    // Without a team, the manager's rows are refused (a manager of several teams must choose).
    const without = await confirmImport(manager, { target: "leads", csv, token: (await previewImport(manager, { target: "leads", csv })).token });
    expect([without.counts.imported, without.issues.map((i) => i.field)]).toEqual([0, ["team"]]);
    // A team the East Coast salesperson is not in: a field error before anything is read or written.
    await expect(previewImport(sales, { target: "leads", csv, team: "West Coast" })).rejects.toMatchObject({ fieldErrors: [{ field: "team", message: expect.stringContaining("not a member of West Coast") }] });
    await expect(previewImport(manager, { target: "leads", csv, team: "No Such Team" })).rejects.toMatchObject({ fieldErrors: [{ field: "team", message: "There is no team No Such Team" }] });
    const preview = await previewImport(manager, { target: "leads", csv, team: "West Coast" });
    const done = await confirmImport(manager, { target: "leads", csv, token: preview.token, team: "West Coast" });
    expect(done.counts.imported).toBe(1);
    const [lead] = await db().select().from(schema.crmLeads).where(eq(schema.crmLeads.name, done.imported[0]!));
    // In the chosen team, and given to one of its salespeople by the team's rule (never the manager).
    expect(lead).toMatchObject({ email: "teo@lakeside.example", team: "West Coast", leadOwner: "sales2@demo.orchestrator.test" });
  });

  it("contacts are the helpdesk's shared record: a salesperson may not import them (403)", async () => {
    const res = await mutate("crm.importPreview", { target: "contacts", csv: "first_name,last_name,email,phone,customer\r\nUna,Ames,una@acme.example,," });
    expect([res.status, res.body.error?.data?.code]).toEqual([403, "FORBIDDEN"]);
  });

  it("contacts: the good rows become Contacts with their e-mail and phone; a record's own rule refusing a row is reported", async () => {
    const admin = createScopedDb((await loadPrincipal(ADMIN))!, { requestId: "import-test" }, registry);
    const csv = ["first_name,last_name,email,phone,customer", "Una,Ames,una@acme.example,+1 617 555 0190,", "Vic,Nope,vic@acme.example,,No Such Customer", "Wes,,wes@,,"].join("\n");
    const preview = await previewImport(admin, { target: "contacts", csv });
    expect(preview.counts).toEqual({ rows: 3, valid: 2, invalid: 1, duplicate: 0 });
    const done = await confirmImport(admin, { target: "contacts", csv, token: preview.token });
    expect(done.imported).toHaveLength(1);
    expect(done.counts).toMatchObject({ imported: 1, refused: 1 });
    expect(done.issues.map((i) => [i.row, i.field])).toEqual([[3, "customer"], [4, "email"]]);
    const [contact] = await db().select().from(schema.contacts).where(eq(schema.contacts.name, done.imported[0]!));
    expect(contact).toMatchObject({ firstName: "Una", emailId: "una@acme.example", phone: "+16175550190" });
  });
});
