import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRedis, generateApiKeys } from "@orchestrator/auth";
import { closeDatabase, unsafeSystemDb } from "@orchestrator/db/system";
import { seedDemo } from "@orchestrator/db/testing";
import { startApiServer } from "../testing/server";

let api: { url: string; close: () => Promise<void> };
const tokens: Record<string, string> = {};

type TrpcError = { error: { message: string; data: { code: string; httpStatus: number; appCode: string | null; fieldErrors: { field: string; message: string }[]; stack?: unknown } } };

async function call(role: string | null, path: string, input: unknown, method: "GET" | "POST" = "GET") {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (role) headers.authorization = `token ${tokens[role]}`;
  const body = JSON.stringify(input);
  const res = method === "GET"
    ? await fetch(`${api.url}/api/trpc/${path}?input=${encodeURIComponent(body)}`, { headers })
    : await fetch(`${api.url}/api/trpc/${path}`, { method: "POST", headers, body });
  return { status: res.status, body: (await res.json()) as { result?: { data: Record<string, unknown> } } & Partial<TrpcError> };
}

beforeAll(async () => {
  await seedDemo(unsafeSystemDb(), { passwordHash: "x", clientCount: 12 });
  api = await startApiServer();
  for (const role of ["admin", "medical", "hr", "supervisor"]) {
    const pair = await generateApiKeys(`${role}@demo.orchestrator.test`);
    tokens[role] = `${pair.api_key}:${pair.api_secret}`;
  }
});
afterAll(async () => {
  await api.close();
  await closeRedis();
  await closeDatabase();
});

describe("tRPC clients router over HTTP", () => {
  it("signed out is UNAUTHORIZED (401)", async () => {
    const res = await call(null, "clients.list", {});
    expect(res.status).toBe(401);
    expect(res.body.error?.data.code).toBe("UNAUTHORIZED");
  });

  it("lists with server-side paging, filters and the scoped total", async () => {
    const res = await call("medical", "clients.list", { pageSize: 4, sort: "name", dir: "asc" });
    const data = res.body.result!.data as { rows: { name: string; department: string }[]; total: number; totalIsCapped: boolean };
    expect(data.total).toBe(6);
    expect(data.totalIsCapped).toBe(false);
    expect(data.rows.map((r) => r.name)).toEqual(["CL-00001", "CL-00003", "CL-00005", "CL-00007"]);
    const page2 = (await call("medical", "clients.list", { page: 2, pageSize: 4, sort: "name", dir: "asc" })).body.result!.data as { rows: unknown[] };
    expect(page2.rows).toHaveLength(2);
  });

  it("another department's client is NOT_FOUND, HR gets no child tables, medical sees the tasks", async () => {
    expect((await call("medical", "clients.get", { name: "CL-00002" })).body.error?.data.code).toBe("NOT_FOUND");
    const hrDoc = (await call("hr", "clients.get", { name: "CL-00002" })).body.result!.data;
    expect(hrDoc).not.toHaveProperty("medical_assignments");
    expect((await call("hr", "clients.tasks", { name: "CL-00002" })).body.result!.data).toEqual([]);
    const tasks = (await call("medical", "clients.tasks", { name: "CL-00001" })).body.result!.data as unknown as { category: string }[];
    expect(tasks.length).toBeGreaterThan(0);
  });

  it("bad input is BAD_REQUEST with one message per field, and nothing is created", async () => {
    const before = ((await call("admin", "clients.list", {})).body.result!.data as { total: number }).total;
    const res = await call("admin", "clients.create", { values: { first_name: "", status: "sleeping", department: "Medical", colour: "red" } }, "POST");
    expect(res.status).toBe(400);
    expect(res.body.error?.data.code).toBe("BAD_REQUEST");
    expect(res.body.error?.data.fieldErrors.map((f) => f.field).sort()).toEqual(["colour", "first_name", "last_name", "status"]);
    expect(res.body.error?.data.stack ?? null).toBeNull();
    expect(JSON.stringify(res.body)).not.toMatch(/\.ts:\d+/);
    expect(((await call("admin", "clients.list", {})).body.result!.data as { total: number }).total).toBe(before);
    const badShape = await call("admin", "clients.list", { pageSize: 1000 });
    expect(badShape.status).toBe(400);
    expect(badShape.body.error?.data.fieldErrors[0]?.field).toBe("pageSize");
  });

  it("a stale modified is CONFLICT (409) and the Supervisor is FORBIDDEN (403)", async () => {
    const doc = (await call("admin", "clients.get", { name: "CL-00003" })).body.result!.data as { modified: string };
    const ok = await call("admin", "clients.update", { name: "CL-00003", modified: doc.modified, values: { last_name: "Fresh" } }, "POST");
    expect(ok.status).toBe(200);
    const stale = await call("admin", "clients.update", { name: "CL-00003", modified: doc.modified, values: { last_name: "Stale" } }, "POST");
    expect(stale.status).toBe(409);
    expect(stale.body.error?.data.code).toBe("CONFLICT");
    const fresh = (await call("admin", "clients.get", { name: "CL-00003" })).body.result!.data as { last_name: string; modified: string };
    expect(fresh.last_name).toBe("Fresh");
    const denied = await call("supervisor", "clients.update", { name: "CL-00003", modified: fresh.modified, values: { last_name: "Nope" } }, "POST");
    expect(denied.status).toBe(403);
  });

  it("core.me reports the grants the UI hides modules by", async () => {
    const me = (await call("hr", "core.me", undefined)).body.result!.data as { grants: Record<string, { read: boolean; write: boolean }> };
    expect(me.grants.client).toMatchObject({ read: true, write: false });
    expect(me.grants.medical).toMatchObject({ read: false, write: false });
  });
});
