import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRedis, generateApiKeys } from "@orchestrator/auth";
import { createScopedDb } from "@orchestrator/db";
import { closeDatabase, createUser, unsafeSystemDb } from "@orchestrator/db/system";
import { seedDemo } from "@orchestrator/db/testing";
import { registry } from "../../registry";
import { demoPrincipals } from "../../testing/principals";
import { startApiServer } from "../../testing/server";

/** The KB DocTypes over the Frappe-compatible REST API, as a portal contact and as an agent. */

const CONTACT = "portal@x.test";
const AGENT = "kb-agent@test.local";
const admin = () => createScopedDb(demoPrincipals.admin(), { requestId: "test" }, registry);
let api: { url: string; close: () => Promise<void> };
const tokens: Record<string, string> = {};
let publishedName = "";
let draftName = "";

async function rest(path: string, token: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set("authorization", `token ${token}`);
  if (init.body) headers.set("content-type", "application/json");
  const res = await fetch(`${api.url}${path}`, { ...init, headers });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}
const resource = (doctype: string, rest = "") => `/api/resource/${encodeURIComponent(doctype)}${rest}`;

beforeAll(async () => {
  const db = unsafeSystemDb();
  await seedDemo(db, { passwordHash: "x", clientCount: 1 });
  await createUser(db, { email: CONTACT, fullName: "Portal Contact", passwordHash: null, roles: ["Helpdesk Customer"], departments: [] });
  await createUser(db, { email: AGENT, fullName: "KB Agent", passwordHash: null, roles: ["Helpdesk Agent"], departments: ["Medical"] });
  await admin().insert("HD Customer", { customer_name: "X", department: "Medical" });
  await admin().insert("Contact", { first_name: "Portal", customer: "X", user: CONTACT });
  const live = await admin().insert("HD Article", { title: "Reset your password", content: "Open Settings, then Reset password." });
  publishedName = (await admin().update("HD Article", live.name, { status: "Published" })).name;
  draftName = (await admin().insert("HD Article", { title: "Unreleased draft", content: "Not yet." })).name;
  await admin().insert("HD Canned Response", { title: "Thanks", message: "Thanks!" });
  api = await startApiServer();
  for (const user of [CONTACT, AGENT]) {
    const pair = await generateApiKeys(user);
    tokens[user] = `${pair.api_key}:${pair.api_secret}`;
  }
});
afterAll(async () => {
  await api.close();
  await closeRedis();
  await closeDatabase();
});

describe("REST /api/resource for the knowledge base", () => {
  it("a portal contact lists and reads published articles only", async () => {
    const list = await rest(`${resource("HD Article")}?fields=${encodeURIComponent(JSON.stringify(["name", "title", "status"]))}&limit=100`, tokens[CONTACT]!);
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([{ name: publishedName, title: "Reset your password", status: "Published" }]);
    const drafts = await rest(`${resource("HD Article")}?filters=${encodeURIComponent(JSON.stringify([["status", "=", "Draft"]]))}`, tokens[CONTACT]!);
    expect(drafts.body.data).toEqual([]);
    expect((await rest(resource("HD Article", `/${draftName}`), tokens[CONTACT]!)).status).toBe(404);
    const one = await rest(resource("HD Article", `/${publishedName}`), tokens[CONTACT]!);
    expect(one.status).toBe(200);
    expect((one.body.data as Record<string, unknown>).author).toBeUndefined();
  });

  it("a portal contact cannot write articles nor read saved replies", async () => {
    expect((await rest(resource("HD Article"), tokens[CONTACT]!, { method: "POST", body: JSON.stringify({ title: "Mine" }) })).status).toBe(403);
    expect((await rest(resource("HD Article", `/${publishedName}`), tokens[CONTACT]!, { method: "PUT", body: JSON.stringify({ title: "Hacked" }) })).status).toBe(403);
    expect((await rest(resource("HD Article", `/${draftName}`), tokens[CONTACT]!, { method: "PUT", body: JSON.stringify({ status: "Published" }) })).status).toBe(404);
    expect((await rest(resource("HD Canned Response"), tokens[CONTACT]!)).body.data).toEqual([]);
  });

  it("an agent sees drafts and gets field errors in Frappe's shape", async () => {
    const list = await rest(`${resource("HD Article")}?limit=100`, tokens[AGENT]!);
    expect((list.body.data as { name: string }[]).map((r) => r.name).sort()).toEqual([publishedName, draftName].sort());
    const bad = await rest(resource("HD Article"), tokens[AGENT]!, { method: "POST", body: JSON.stringify({ title: "Empty", status: "Published" }) });
    expect(bad.status).toBe(417);
    expect(bad.body.exc_type).toBe("ValidationError");
    expect(String(bad.body._server_messages)).toContain("content");
    const replies = await rest(resource("HD Canned Response"), tokens[AGENT]!);
    expect(replies.body.data).toEqual([expect.objectContaining({ title: "Thanks" })]);
  });
});
