import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRedis, generateApiKeys } from "@orchestrator/auth";
import { closeDatabase, schema, unsafeSystemDb } from "@orchestrator/db/system";
import { seedDemo } from "@orchestrator/db/testing";
import { and, count, eq } from "drizzle-orm";
import { seedHelpdeskDemo } from "../demo";
import { startApiServer } from "../../testing/server";

/**
 * The customer portal's isolation, over real HTTP (REST and tRPC) with API keys of the seeded portal
 * logins: Northwind's contact never reaches Harbor's tickets (404, never 403), never sees an internal
 * note or a staff-only field, and what they may do (raise, reply, rate) is written and audited.
 */
const NORTHWIND = "Northwind Recovery Partners";
const HARBOR = "Harbor Family Services";
const NORA = "portal@northwind.example";
const HUGO = "portal@harbor.example";
const AGENT = "agent@demo.orchestrator.test";

let api: { url: string; close: () => Promise<void> };
const tokens: Record<string, string> = {};
let northwindTicket = "";
let harborTicket = "";

const db = () => unsafeSystemDb();
const auth = (user: string) => ({ authorization: `token ${tokens[user]}` });
const rest = (user: string, path: string, init: RequestInit = {}) => fetch(`${api.url}${path}`, { ...init, headers: { ...auth(user), "content-type": "application/json", ...(init.headers ?? {}) } });
async function trpcQuery(user: string, path: string, input: unknown): Promise<{ status: number; body: { result?: { data: unknown }; error?: { data?: { code?: string } } } }> {
  const res = await fetch(`${api.url}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: auth(user) });
  return { status: res.status, body: (await res.json()) as never };
}
async function trpcMutation(user: string, path: string, input: unknown) {
  const res = await fetch(`${api.url}/api/trpc/${path}`, { method: "POST", headers: { ...auth(user), "content-type": "application/json" }, body: JSON.stringify(input) });
  return { status: res.status, body: (await res.json()) as { result?: { data: Record<string, unknown> }; error?: { data?: { code?: string; fieldErrors?: unknown } } } };
}
async function ticketOf(customer: string, withNote = true): Promise<string> {
  const rows = await db().select({ name: schema.hdTickets.name }).from(schema.hdTickets).where(eq(schema.hdTickets.customer, customer));
  for (const { name } of rows) {
    const notes = await db().select({ n: count() }).from(schema.hdTicketComments).where(and(eq(schema.hdTicketComments.ticket, name), eq(schema.hdTicketComments.commentType, "Internal Note")));
    if (!withNote || Number(notes[0]!.n) > 0) return name;
  }
  throw new Error(`no ticket of ${customer}`);
}

beforeAll(async () => {
  await seedDemo(db(), { passwordHash: "x", clientCount: 2 });
  await seedHelpdeskDemo(db(), { passwordHash: "x" });
  api = await startApiServer();
  for (const user of [NORA, HUGO, AGENT]) {
    const pair = await generateApiKeys(user);
    tokens[user] = `${pair.api_key}:${pair.api_secret}`;
  }
  northwindTicket = await ticketOf(NORTHWIND);
  harborTicket = await ticketOf(HARBOR);
});
afterAll(async () => {
  await api.close();
  await closeRedis();
  await closeDatabase();
});

describe("customer A's contact and customer B's ticket", () => {
  it("REST GET is 404 (not 403), and the REST list holds only their own customer's tickets", async () => {
    const res = await rest(NORA, `/api/resource/HD%20Ticket/${harborTicket}`);
    expect(res.status).toBe(404);
    const list = (await (await rest(NORA, `/api/resource/HD%20Ticket?fields=${encodeURIComponent('["name","customer"]')}&limit=500`)).json()) as { data: { customer: string }[] };
    const total = Number((await db().select({ n: count() }).from(schema.hdTickets).where(eq(schema.hdTickets.customer, NORTHWIND)))[0]!.n);
    expect(list.data.length).toBe(total);
    expect(new Set(list.data.map((r) => r.customer))).toEqual(new Set([NORTHWIND]));
  });

  it("tRPC get is NOT_FOUND, and replying or rating it is NOT_FOUND with nothing written", async () => {
    const get = await trpcQuery(NORA, "portal.get", { name: harborTicket });
    expect(get.status).toBe(404);
    expect(get.body.error?.data?.code).toBe("NOT_FOUND");
    const before = Number((await db().select({ n: count() }).from(schema.hdTicketComments).where(eq(schema.hdTicketComments.ticket, harborTicket)))[0]!.n);
    const reply = await trpcMutation(NORA, "portal.reply", { ticket: harborTicket, content: "let me in" });
    expect(reply.body.error?.data?.code).toBe("NOT_FOUND");
    const after = Number((await db().select({ n: count() }).from(schema.hdTicketComments).where(eq(schema.hdTicketComments.ticket, harborTicket)))[0]!.n);
    expect(after).toBe(before);
    // The agent-side router and REST writes are refused the same way.
    expect((await trpcQuery(NORA, "helpdesk.get", { name: harborTicket })).status).toBe(404);
    expect((await rest(NORA, `/api/resource/HD%20Ticket/${harborTicket}`, { method: "PUT", body: JSON.stringify({ subject: "mine now" }) })).status).toBe(404);
  });
});

describe("what a contact sees of their own ticket", () => {
  it("no internal notes and no staff-only fields, through tRPC and REST", async () => {
    const { body } = await trpcQuery(NORA, "portal.get", { name: northwindTicket });
    const data = body.result!.data as { ticket: Record<string, unknown>; replies: { content: string }[] };
    expect(data.ticket.name).toBe(northwindTicket);
    for (const field of ["assignee", "sla", "response_by", "resolution_by", "agreement_status", "at_risk", "sla_log", "tags", "total_hold_time"]) expect(data.ticket).not.toHaveProperty(field);
    const notes = await db().select({ content: schema.hdTicketComments.content }).from(schema.hdTicketComments).where(and(eq(schema.hdTicketComments.ticket, northwindTicket), eq(schema.hdTicketComments.commentType, "Internal Note")));
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) expect(data.replies.map((r) => r.content)).not.toContain(note.content);
    const comments = (await (await rest(NORA, `/api/resource/HD%20Ticket%20Comment?fields=${encodeURIComponent('["name","comment_type"]')}&limit=500`)).json()) as { data: { comment_type: string }[] };
    expect(comments.data.length).toBeGreaterThan(0);
    expect(comments.data.every((c) => c.comment_type === "Reply")).toBe(true);
    const restDoc = (await (await rest(NORA, `/api/resource/HD%20Ticket/${northwindTicket}`)).json()) as { data: Record<string, unknown> };
    expect(restDoc.data).not.toHaveProperty("assignee");
    expect(restDoc.data).not.toHaveProperty("sla_log");
  });

  it("activity, agents, SLA policies and the audit trail are out of reach", async () => {
    for (const doctype of ["HD Ticket Activity", "HD Agent", "HD Service Level Agreement", "HD Team", "Version", "HD Notification"]) {
      const res = (await (await rest(NORA, `/api/resource/${encodeURIComponent(doctype)}?limit=5`)).json()) as { data?: unknown[] };
      expect(res.data ?? [], doctype).toEqual([]);
    }
  });

  it("a contact cannot set a staff-only field (field error, nothing written)", async () => {
    const res = await rest(NORA, `/api/resource/HD%20Ticket/${northwindTicket}`, { method: "PUT", body: JSON.stringify({ assignee: NORA }) });
    expect(res.status).toBe(417);
    expect(await res.text()).toMatch(/cannot be set from the portal/);
  });
});

describe("a contact raises, follows, replies to and rates a ticket", () => {
  let created = "";

  it("raises a ticket for their organisation, filed in its department, with an audit row", async () => {
    const res = await trpcMutation(NORA, "portal.create", { subject: "Portal login loops", description: "After signing in I land on the sign-in page again." });
    expect(res.status).toBe(200);
    const doc = res.body.result!.data;
    created = String(doc.name);
    expect(doc).toMatchObject({ customer: NORTHWIND, raised_by: NORA, status: "Open" });
    const [row] = await db().select().from(schema.hdTickets).where(eq(schema.hdTickets.name, created));
    expect(row).toMatchObject({ department: "Administration", sla: "Standard Support" });
    expect(row!.responseBy).toBeTruthy(); // the SLA ran, as the helpdesk service
    const activities = await db().select({ kind: schema.hdTicketActivities.kind, owner: schema.hdTicketActivities.owner }).from(schema.hdTicketActivities).where(eq(schema.hdTicketActivities.ticket, created));
    expect(activities).toContainEqual({ kind: "created", owner: "system" });
    const versions = await db().select({ owner: schema.versions.owner }).from(schema.versions).where(and(eq(schema.versions.refDoctype, "HD Ticket"), eq(schema.versions.docname, created)));
    expect(versions.map((v) => v.owner)).toContain(NORA);
    // The other customer's contact cannot see it.
    expect((await trpcQuery(HUGO, "portal.get", { name: created })).status).toBe(404);
  });

  it("refuses a ticket for a customer they are not a contact of, and empty fields, per field", async () => {
    const other = await trpcMutation(NORA, "portal.create", { subject: "x", description: "y", customer: HARBOR });
    expect(other.status).toBe(400);
    expect(JSON.stringify(other.body.error)).toMatch(/not a contact of Harbor/);
    const empty = await trpcMutation(NORA, "portal.create", { subject: " ", description: "" });
    expect(empty.status).toBe(400);
  });

  it("sees the agent's reply; their own reply reopens it after it was resolved; then rates it", async () => {
    const agentReply = await trpcMutation(AGENT, "helpdesk.addComment", { ticket: created, type: "Reply", content: "Cleared your session; try again?" });
    expect(agentReply.status).toBe(200);
    await trpcMutation(AGENT, "helpdesk.addComment", { ticket: created, type: "Internal Note", content: "Cookie domain was wrong" });
    const seen = (await trpcQuery(NORA, "portal.get", { name: created })).body.result!.data as { replies: { content: string }[] };
    expect(seen.replies.map((r) => r.content)).toEqual(["Cleared your session; try again?"]);

    const early = await trpcMutation(NORA, "portal.rate", { ticket: created, rating: 5 });
    expect(early.status).toBe(400);
    await trpcMutation(AGENT, "helpdesk.setStatus", { name: created, status: "Resolved" });
    const reply = await trpcMutation(NORA, "portal.reply", { ticket: created, content: "Still looping on my phone." });
    expect(reply.status).toBe(200);
    expect(reply.body.result!.data).toMatchObject({ source: "Portal", comment_type: "Reply" });
    const [reopened] = await db().select({ status: schema.hdTickets.status, last: schema.hdTickets.lastCustomerReplyOn }).from(schema.hdTickets).where(eq(schema.hdTickets.name, created));
    expect(reopened!.status).toBe("Open");
    expect(reopened!.last).toBeTruthy();

    await trpcMutation(AGENT, "helpdesk.setStatus", { name: created, status: "Resolved" });
    const rated = await trpcMutation(NORA, "portal.rate", { ticket: created, rating: 4, comment: "Works now" });
    expect(rated.status).toBe(200);
    const [row] = await db().select({ rating: schema.hdTickets.feedbackRating, text: schema.hdTickets.feedbackText }).from(schema.hdTickets).where(eq(schema.hdTickets.name, created));
    expect(row).toEqual({ rating: 4, text: "Works now" });
    const bad = await trpcMutation(NORA, "portal.rate", { ticket: created, rating: 9 });
    expect(bad.status).toBe(400);
  });

  it("staff are refused by the portal router", async () => {
    const res = await trpcQuery(AGENT, "portal.list", { state: "all" });
    expect(res.status).toBe(403);
  });
});
