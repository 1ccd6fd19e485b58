import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRedis, loadPrincipal } from "@orchestrator/auth";
import { AppError, type ScopedDb } from "@orchestrator/db";
import { closeDatabase, unsafeSystemDb } from "@orchestrator/db/system";
import { seedDemo } from "@orchestrator/db/testing";
import { settleEmailKicks } from "../../email/producer";
import { closeQueues } from "../../queue";
import { createCaller } from "../../root";
import { contextFor } from "../../trpc/context";
import { sendEmail } from "../comms/send-email";
import { placeCall, sendSms } from "../comms/send-sms";
import { seedCrmDemo } from "../demo";
import { convertLead } from "../services/convert";
import { moveDeal } from "../services/deals";
import { timeline } from "./timeline";
import { scopedAs } from "../../testing/scoped-as";

/**
 * `crm.timeline` over real MariaDB: every kind of entry in order — creation, assignment and status
 * and owner changes taken from the audit trail, e-mail (with its outbox status), note, task, text,
 * call, and a deal's stage moves with the lead's history — only whitelisted fields, and NOT FOUND for
 * a salesperson of another team. Texts and calls go through the default log-only provider.
 */
const SALES = "sales@demo.orchestrator.test"; // East Coast
const SALES2 = "sales2@demo.orchestrator.test"; // West Coast
const MANAGER = "salesmanager@demo.orchestrator.test";
const as = (user: string): Promise<ScopedDb> => scopedAs(user);

let lead = "";
let deal = "";

beforeAll(async () => {
  await seedDemo(unsafeSystemDb(), { passwordHash: "x", clientCount: 1 });
  await seedCrmDemo(unsafeSystemDb(), { passwordHash: "x" });
  const sales = await as(SALES);
  lead = (await sales.insert("CRM Lead", { first_name: "Iris", last_name: "Hale", email: "iris@hale.example", mobile_no: "+1 617 555 0142", team: "East Coast" })).name;
  await sales.insert("CRM Note", { title: "First call", content: "Interested in the day programme", reference_doctype: "CRM Lead", reference_docname: lead });
  await sales.insert("CRM Task", { title: "Send brochure", description: "PDF", reference_doctype: "CRM Lead", reference_docname: lead });
  await sendEmail(sales, { doctype: "CRM Lead", name: lead, subject: "Brochure", body: "Attached, {{lead.first_name}}." });
  await (await as(MANAGER)).update("CRM Lead", lead, { lead_owner: MANAGER });
  await sendSms(sales, { doctype: "CRM Lead", name: lead, body: "Call you at 3?" });
  await placeCall(sales, { doctype: "CRM Lead", name: lead });
  await sales.update("CRM Lead", lead, { status: "Nurture", email: "iris.private@hale.example", organization: "Hale Family Office" });
});
afterAll(async () => {
  await settleEmailKicks();
  await closeQueues();
  await closeRedis();
  await closeDatabase();
});

describe("crm.timeline", () => {
  it("lists a lead's history oldest first, with status and owner changes from its Version rows and nothing else of them", async () => {
    const { entries } = await timeline(await as(SALES), { doctype: "CRM Lead", name: lead });
    expect(entries.map((e) => [e.kind, e.title])).toEqual([
      ["created", "Lead created"],
      ["assignment", `Assigned to ${SALES}`],
      ["note", "First call"],
      ["task", "Send brochure"],
      ["email", "Brochure"],
      ["status", "Status: New → Contacted"],
      ["assignment", `Assigned to ${MANAGER}`],
      ["sms", "Text sent"],
      ["call", "Outgoing call"],
      ["status", "Status: Contacted → Nurture"],
    ]);
    const byKind = Object.fromEntries(entries.map((e) => [e.kind, e]));
    expect(byKind.email).toMatchObject({ direction: "out", status: "Queued", body: "Attached, Iris.", actor: SALES });
    expect(byKind.sms).toMatchObject({ direction: "out", status: "Logged", body: "Call you at 3?", actor: SALES });
    expect(byKind.call).toMatchObject({ direction: "out", status: "Logged" });
    expect(byKind.task).toMatchObject({ status: "Todo", body: "PDF" });
    expect(entries.find((e) => e.title === `Assigned to ${MANAGER}`)).toMatchObject({ actor: MANAGER, body: `Was ${SALES}` });
    expect(entries.at(-1)).toMatchObject({ status: "Nurture", actor: SALES });
    const sorted = [...entries].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    expect(entries.map((e) => e.at)).toEqual(sorted.map((e) => e.at));
    // The same Version row changed the e-mail address and organisation: neither value is shown.
    const text = JSON.stringify(entries);
    expect(text).not.toContain("iris.private@hale.example");
    expect(text).not.toContain("Hale Family Office");
    expect(new Set(entries.map((e) => e.key)).size).toBe(entries.length);
  });

  it("a deal shows its own creation and stage moves (time in the stage left) with the history of the lead it came from", async () => {
    const manager = await as(MANAGER);
    deal = (await convertLead(manager, { lead })).deal.name;
    await moveDeal(manager, { name: deal, stage: "Demo/Making" });
    const { entries } = await timeline(await as(SALES), { doctype: "CRM Deal", name: deal });
    const leadPart = (await timeline(await as(SALES), { doctype: "CRM Lead", name: lead })).entries;
    // The conversion's lead update (Qualified) comes after the deal's creation in the same transaction.
    expect(leadPart.at(-1)).toMatchObject({ kind: "status", title: "Status: Nurture → Qualified" });
    const leadKeys = new Set(leadPart.map((e) => e.key));
    expect(entries.filter((e) => leadKeys.has(e.key)).map((e) => e.key)).toEqual(leadPart.map((e) => e.key));
    expect(entries.map((e) => e.at)).toEqual(entries.map((e) => e.at).sort());
    expect(entries.filter((e) => !leadKeys.has(e.key)).map((e) => [e.kind, e.title])).toEqual([
      ["created", "Deal created"],
      ["assignment", `Assigned to ${MANAGER}`],
      ["stage", "Stage: Qualification → Demo/Making"],
    ]);
    expect(entries.at(-1)!.body).toMatch(/^\d+ s in Qualification$/);
    expect(entries.find((e) => e.title === "Deal created")).toMatchObject({ body: "In Qualification", actor: MANAGER });
    // A deal's stage is its `status`: shown once, from the stage log, never also as a status change.
    expect(entries.filter((e) => e.kind === "status").every((e) => leadKeys.has(e.key))).toBe(true);
  });

  it("is served as crm.timeline, with the record routers of the new DocTypes, through tRPC's validated output", async () => {
    const sales = createCaller(contextFor((await loadPrincipal(SALES))!, { requestId: "timeline-trpc" }));
    const { entries } = await sales.crm.timeline({ doctype: "CRM Lead", name: lead });
    expect(entries.map((e) => e.kind)).toEqual(expect.arrayContaining(["created", "assignment", "note", "task", "email", "status", "sms", "call"]));
    const messages = await sales.crm.messages.list({ filters: [{ field: "reference_docname", value: lead }] });
    expect(messages.rows.map((r) => r.body)).toEqual(["Call you at 3?"]);
    expect((await sales.crm.calls.list({ filters: [{ field: "reference_docname", value: lead }] })).total).toBe(1);
    expect((await sales.crm.communications.list({ filters: [{ field: "reference_docname", value: lead }] })).rows.map((r) => r.subject)).toEqual(["Brochure"]);
    expect((await sales.crm.emailTemplates.list({})).total).toBe(2);
    const other = createCaller(contextFor((await loadPrincipal(SALES2))!, { requestId: "timeline-trpc" }));
    await expect(other.crm.timeline({ doctype: "CRM Lead", name: lead })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await other.crm.communications.list({})).total).toBe(0);
  });

  it("is NOT FOUND, with no entries, for a salesperson outside the record's team", async () => {
    for (const [doctype, name] of [["CRM Lead", lead], ["CRM Deal", deal]] as const) {
      const error = await timeline(await as(SALES2), { doctype, name }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("NOT_FOUND");
    }
  });
});
