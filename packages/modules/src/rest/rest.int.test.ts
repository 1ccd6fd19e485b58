import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FrappeApp } from "frappe-js-sdk";
import { closeRedis, hashPassword } from "@orchestrator/auth";
import { closeDatabase, schema, unsafeSystemDb } from "@orchestrator/db/system";
import { seedDemo } from "@orchestrator/db/testing";
import { count } from "drizzle-orm";
import { startApiServer } from "../testing/server";

const PASSWORD = "correct horse battery";
let api: { url: string; close: () => Promise<void> };
const tokens: Record<string, string> = {};

async function rest(path: string, init: RequestInit & { token?: string; cookie?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("authorization", `token ${init.token}`);
  if (init.cookie) headers.set("cookie", init.cookie);
  if (init.body && !headers.has("content-type")) headers.set("content-type", "application/json");
  const res = await fetch(`${api.url}${path}`, { ...init, headers });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

async function loginCookie(email: string): Promise<string> {
  const res = await rest("/api/method/login", { method: "POST", body: JSON.stringify({ usr: email, pwd: PASSWORD }) });
  expect(res.status).toBe(200);
  const cookie = res.headers.get("set-cookie") ?? "";
  return cookie.split(";")[0]!;
}

const q = (v: unknown) => encodeURIComponent(JSON.stringify(v));
const clientRowCount = async () => Number((await unsafeSystemDb().select({ n: count() }).from(schema.clients))[0]!.n);

beforeAll(async () => {
  await seedDemo(unsafeSystemDb(), { passwordHash: await hashPassword(PASSWORD), clientCount: 30 });
  api = await startApiServer();
  for (const role of ["admin", "medical", "program", "hr", "finance", "supervisor"]) {
    const cookie = await loginCookie(`${role}@demo.orchestrator.test`);
    const res = await rest("/api/method/orchestrator.auth.generate_api_keys", { method: "POST", cookie });
    expect(res.status).toBe(200);
    const { api_key, api_secret } = res.body.message as { api_key: string; api_secret: string };
    tokens[role] = `${api_key}:${api_secret}`;
  }
});
afterAll(async () => {
  await api.close();
  await closeRedis();
  await closeDatabase();
});

describe("session methods", () => {
  it("login sets a sid cookie; get_logged_user answers the email; logout ends it", async () => {
    const cookie = await loginCookie("medical@demo.orchestrator.test");
    expect(cookie).toMatch(/^sid=.+/);
    const me = await rest("/api/method/frappe.auth.get_logged_user", { cookie });
    expect(me.body).toEqual({ message: "medical@demo.orchestrator.test" });
    expect((await rest("/api/method/logout", { method: "POST", cookie })).status).toBe(200);
    expect((await rest("/api/method/frappe.auth.get_logged_user", { cookie })).status).toBe(401);
  });

  it("bad credentials are a 401 in Frappe's error shape", async () => {
    const res = await rest("/api/method/login", { method: "POST", body: JSON.stringify({ usr: "admin@demo.orchestrator.test", pwd: "nope" }) });
    expect(res.status).toBe(401);
    expect(res.body.exc_type).toBe("AuthenticationError");
    expect(JSON.parse(String(res.body._server_messages))).toHaveLength(1);
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts/); // no stack traces
  });

  it("repeated bad passwords for one account are limited: 429 with Retry-After", async () => {
    const attempt = () => rest("/api/method/login", { method: "POST", body: JSON.stringify({ usr: "finance@demo.orchestrator.test", pwd: "wrong" }) });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await attempt()).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.body.exc_type).toBe("TooManyRequestsError");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Even the right password is refused while the account is blocked.
    expect((await rest("/api/method/login", { method: "POST", body: JSON.stringify({ usr: "finance@demo.orchestrator.test", pwd: PASSWORD }) })).status).toBe(429);
  });

  it("a wrong or missing token is 401", async () => {
    expect((await rest("/api/resource/Client", { token: "nope:nope" })).status).toBe(401);
    expect((await rest("/api/resource/Client", { token: `${tokens.admin!.split(":")[0]}:wrong` })).status).toBe(401);
    expect((await rest("/api/resource/Client")).status).toBe(401);
  });

  it("only a Super Admin may generate keys for another user", async () => {
    const cookie = await loginCookie("medical@demo.orchestrator.test");
    const denied = await rest("/api/method/orchestrator.auth.generate_api_keys", { method: "POST", cookie, body: JSON.stringify({ user: "admin@demo.orchestrator.test" }) });
    expect(denied.status).toBe(403);
    const adminCookie = await loginCookie("admin@demo.orchestrator.test");
    const ok = await rest("/api/method/orchestrator.auth.generate_api_keys", { method: "POST", cookie: adminCookie, body: JSON.stringify({ user: "hr@demo.orchestrator.test" }) });
    const pair = ok.body.message as { api_key: string; api_secret: string };
    expect((await rest("/api/method/frappe.auth.get_logged_user", { token: `${pair.api_key}:${pair.api_secret}` })).body.message).toBe("hr@demo.orchestrator.test");
  });
});

describe("frappe-js-sdk with token auth", () => {
  const sdk = (role: string) => new FrappeApp(api.url, { useToken: true, token: () => tokens[role]!, type: "token" }).db();

  it("lists with filters, order and paging, and counts", async () => {
    const db = sdk("admin");
    const page1 = await db.getDocList("Client", { fields: ["name", "status", "department"], filters: [["department", "=", "Program"]], orderBy: { field: "name", order: "asc" }, limit: 5 });
    expect(page1.map((r) => r.name)).toEqual(["CL-00002", "CL-00004", "CL-00006", "CL-00008", "CL-00010"]);
    const page2 = await db.getDocList("Client", { fields: ["name"], filters: [["department", "=", "Program"]], orderBy: { field: "name", order: "asc" }, limit_start: 5, limit: 5 });
    expect(page2[0]!.name).toBe("CL-00012");
    expect(await db.getCount("Client", [["department", "=", "Program"]])).toBe(15);
  });

  it("creates, reads, updates and deletes a Client, and the change is in Version", async () => {
    const db = sdk("medical");
    const created = await db.createDoc("Client", { first_name: "Grace", last_name: "Hopper", status: "pending", dob: "1906-12-09" });
    expect(created.name).toMatch(/^CL-\d{5}$/);
    expect((created as Record<string, unknown>).department).toBe("Medical");
    const read = await db.getDoc("Client", created.name);
    expect(read.last_name).toBe("Hopper");
    const updated = await db.updateDoc("Client", created.name, { status: "active", modified: read.modified });
    expect(updated.status).toBe("active");
    const versions = await db.getDocList("Version", { fields: ["ref_doctype", "docname", "data"], filters: [["ref_doctype", "=", "Client"], ["docname", "=", created.name]], orderBy: { field: "creation", order: "asc" }, limit: 0 });
    expect(versions).toHaveLength(2);
    expect(versions[1]!.data.changed).toContainEqual(["status", "pending", "active"]);
    expect(JSON.stringify(versions)).not.toContain("1906-12-09"); // dob is masked
    await db.deleteDoc("Client", created.name);
    await expect(db.getDoc("Client", created.name)).rejects.toMatchObject({ httpStatus: 404 });
  });

  it("a stale update is refused (409) and changes nothing", async () => {
    const db = sdk("admin");
    const doc = await db.getDoc("Client", "CL-00003");
    await db.updateDoc("Client", "CL-00003", { first_name: "First", modified: doc.modified });
    await expect(db.updateDoc("Client", "CL-00003", { first_name: "Second", modified: doc.modified })).rejects.toMatchObject({ httpStatus: 409, exc_type: "TimestampMismatchError" });
    expect((await db.getDoc("Client", "CL-00003")).first_name).toBe("First");
  });

  it("invalid input is a 417 with a message per field, and writes nothing", async () => {
    const before = await clientRowCount();
    const res = await rest("/api/resource/Client", { method: "POST", token: tokens.admin, body: JSON.stringify({ first_name: 12, status: "asleep", extra: 1, department: "Medical" }) });
    expect(res.status).toBe(417);
    expect(res.body.exc_type).toBe("ValidationError");
    expect((res.body.fields as { field: string }[]).map((f) => f.field).sort()).toEqual(["extra", "first_name", "last_name", "status"]);
    expect(await clientRowCount()).toBe(before);
  });
});

describe("each role sees what the matrix allows", () => {
  const list = async (role: string, params = "") => rest(`/api/resource/Client?fields=${q(["name", "department"])}&limit_page_length=0${params}`, { token: tokens[role] });

  it("Medical and Program Staff list only their department; another department's client is 404", async () => {
    for (const [role, dept, other] of [["medical", "Medical", "CL-00002"], ["program", "Program", "CL-00001"]] as const) {
      const res = await list(role);
      const rows = res.body.data as { department: string }[];
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r.department))).toEqual(new Set([dept]));
      expect((await rest(`/api/resource/Client/${other}`, { token: tokens[role] })).status).toBe(404);
      const count = await rest(`/api/method/frappe.client.get_count?doctype=Client&filters=${q([["name", "=", other]])}`, { token: tokens[role] });
      expect(count.body.message).toBe(0);
    }
  });

  it("HR and Finance see all clients but no medical or program data", async () => {
    for (const role of ["hr", "finance"]) {
      expect(((await list(role)).body.data as unknown[]).length).toBe(30);
      const doc = (await rest("/api/resource/Client/CL-00001", { token: tokens[role] })).body.data as Record<string, unknown>;
      expect(doc.first_name).toBeTruthy();
      expect(doc).not.toHaveProperty("medical_assignments");
      expect(doc).not.toHaveProperty("program_assignments");
      expect((await rest("/api/resource/Task", { token: tokens[role] })).status).toBe(403);
      expect((await rest("/api/resource/Medical Template", { token: tokens[role] })).status).toBe(403);
      const summary = await rest("/api/method/orchestrator.crm.get_client_summary?client_id=CL-00001", { token: tokens[role] });
      expect(summary.body.message).toMatchObject({ active_tasks: 0, assigned_modules: [] });
    }
  });

  it("the Supervisor sees everything and can change nothing", async () => {
    expect(((await list("supervisor")).body.data as unknown[]).length).toBeGreaterThanOrEqual(30);
    const doc = (await rest("/api/resource/Client/CL-00002", { token: tokens.supervisor })).body.data as Record<string, unknown>;
    expect(doc).toHaveProperty("medical_assignments");
    expect((await rest("/api/resource/Client/CL-00002", { method: "PUT", token: tokens.supervisor, body: JSON.stringify({ first_name: "X" }) })).status).toBe(403);
    expect((await rest("/api/resource/Client", { method: "POST", token: tokens.supervisor, body: JSON.stringify({ first_name: "X", last_name: "Y", department: "Medical" }) })).status).toBe(403);
    expect((await rest("/api/resource/Client/CL-00002", { method: "DELETE", token: tokens.supervisor })).status).toBe(403);
  });

  it("a user reads their own User record with roles and departments, but not others'", async () => {
    const me = await rest("/api/resource/User/medical@demo.orchestrator.test", { token: tokens.medical });
    expect(me.status).toBe(200);
    const data = me.body.data as { roles: { role: string }[]; departments: { department: string }[] };
    expect(data.roles.map((r) => r.role)).toEqual(["Medical Staff"]);
    expect(data.departments.map((d) => d.department)).toEqual(["Medical"]);
    expect(JSON.stringify(data)).not.toContain("password");
    expect((await rest("/api/resource/User/admin@demo.orchestrator.test", { token: tokens.medical })).status).toBe(404);
    expect(((await rest("/api/resource/User?limit_page_length=0", { token: tokens.admin })).body.data as unknown[]).length).toBe(7); // six demo users + the integration service user
  });

  it("client summary follows the seed's contract", async () => {
    const res = await rest("/api/method/orchestrator.crm.get_client_summary?client_id=CL-00001", { token: tokens.medical });
    const m = res.body.message as Record<string, unknown>;
    expect(Object.keys(m).sort()).toEqual(["active_tasks", "assigned_modules", "client", "recent_activities"]);
    expect((m.client as { name: string }).name).toBe("CL-00001");
    expect(m.active_tasks).toBeGreaterThan(0);
    expect((await rest("/api/method/orchestrator.crm.get_client_summary?client_id=CL-00002", { token: tokens.medical })).status).toBe(404);
  });
});

describe("seed methods", () => {
  it("activate_template adds the assignment once and refuses read-only users", async () => {
    const body = JSON.stringify({ client: "CL-00005", template: "Intake Assessment" });
    const first = await rest("/api/method/orchestrator.clients.activate_template", { method: "POST", token: tokens.medical, body });
    expect(first.status).toBe(200);
    expect(first.body.message).toMatchObject({ template_id: "Intake Assessment", status: "active" });
    expect((await rest("/api/method/orchestrator.clients.activate_template", { method: "POST", token: tokens.medical, body })).status).toBe(200);
    const doc = (await rest("/api/resource/Client/CL-00005", { token: tokens.admin })).body.data as { medical_assignments: { template_id: string }[] };
    expect(doc.medical_assignments.filter((a) => a.template_id === "Intake Assessment")).toHaveLength(1);
    const denied = await rest("/api/method/orchestrator.clients.activate_template", { method: "POST", token: tokens.program, body: JSON.stringify({ client: "CL-00002", template: "Intake Assessment" }) });
    expect(denied.status).toBe(403);
    const missing = await rest("/api/method/orchestrator.clients.activate_template", { method: "POST", token: tokens.medical, body: "{}" });
    expect(missing.status).toBe(417);
  });
});

describe("Frappe list parameters and bad input", () => {
  it("accepts dict filters, operators, or_filters and limit 0", async () => {
    const dict = await rest(`/api/resource/Client?filters=${q({ department: "Medical", status: ["in", ["active", "pending", "discharged"]] })}&limit=0`, { token: tokens.admin });
    expect((dict.body.data as unknown[]).length).toBe(15);
    const or = await rest(`/api/resource/Client?fields=${q(["name"])}&or_filters=${q([["name", "=", "CL-00001"], ["name", "=", "CL-00002"]])}&order_by=name%20asc`, { token: tokens.admin });
    expect((or.body.data as { name: string }[]).map((r) => r.name)).toEqual(["CL-00001", "CL-00002"]);
    const like = await rest(`/api/resource/Client?fields=${q(["name"])}&filters=${q([["name", "like", "CL-0000%"]])}&limit=0`, { token: tokens.admin });
    expect((like.body.data as unknown[]).length).toBe(9);
  });

  it("malformed or dangerous parameters are a 417, never SQL", async () => {
    for (const params of [
      "filters=%5Bnot-json",
      `filters=${q([["no_such_field", "=", 1]])}`,
      `filters=${q([["status", "regexp", "a"]])}`,
      `fields=${q(["name", "sleep(5)"])}`,
      `order_by=${encodeURIComponent("modified desc; drop table clients")}`,
      `order_by=${encodeURIComponent("(select 1)")}`,
      "limit_page_length=-1",
    ]) {
      const res = await rest(`/api/resource/Client?${params}`, { token: tokens.admin });
      expect(res.status, params).toBe(417);
      expect(res.body.exc_type).toBe("ValidationError");
    }
    expect(await clientRowCount()).toBeGreaterThan(0);
  });

  it("unknown DocType is 404; a body over 1 MiB is 413; a non-object body is 417", async () => {
    expect((await rest("/api/resource/Spaceship", { token: tokens.admin })).status).toBe(404);
    const big = JSON.stringify({ first_name: "x".repeat(1024 * 1024 + 10), last_name: "y" });
    expect((await rest("/api/resource/Client", { method: "POST", token: tokens.admin, body: big })).status).toBe(413);
    expect((await rest("/api/resource/Client", { method: "POST", token: tokens.admin, body: "[1,2]" })).status).toBe(417);
    expect((await rest("/api/resource/Client", { method: "POST", token: tokens.admin, body: "{oops" })).status).toBe(417);
  });

  it("serves an OpenAPI document describing the resources", async () => {
    const res = await rest("/api/openapi.json");
    expect(res.body.openapi).toBe("3.1.0");
    expect(Object.keys(res.body.paths as object)).toContain("/api/resource/Client/{name}");
  });
});
