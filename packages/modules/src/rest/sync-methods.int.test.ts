import { createHmac } from "node:crypto";
import { closeRedis, generateApiKeys } from "@orchestrator/auth";
import { closeDatabase, schema, unsafeSystemDb } from "@orchestrator/db/system";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeQueues } from "../queue";
import { dumpClients, ensureSeeded, resetSyncWorld, startSim, startSyncWorker, syncedClientCount, type SimWorld } from "../sync/testing/fixtures";
import { startApiServer } from "../testing/server";

// Read by the sync env module when it is first imported, so set before any import runs.
vi.hoisted(() => {
  process.env.SYNC_WEBHOOK_SECRETS = "crm=crm-webhook-secret-for-tests";
});

const N = 15;
let world: SimWorld;
let api: { url: string; close: () => Promise<void> };
let syncWorker: { close: () => Promise<void> };
const tokens: Record<"admin" | "medical", string> = { admin: "", medical: "" };

async function call(path: string, init: { method?: string; body?: unknown; token?: string; headers?: Record<string, string>; raw?: string } = {}) {
  const headers = new Headers(init.headers);
  if (init.token) headers.set("authorization", `token ${init.token}`);
  const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  if (body && !headers.has("content-type")) headers.set("content-type", "application/json");
  const res = await fetch(`${api.url}/api/method/${path}`, { method: init.method ?? (body ? "POST" : "GET"), headers, body });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as { message?: Record<string, unknown>; exc_type?: string; fields?: { field: string; message: string }[] } };
}

const runCount = async () => Number((await unsafeSystemDb().select({ n: count() }).from(schema.syncRuns))[0]!.n);

beforeAll(async () => {
  await ensureSeeded();
  await resetSyncWorld();
  world = await startSim(N);
  for (const who of ["admin", "medical"] as const) {
    const keys = await generateApiKeys(`${who}@demo.orchestrator.test`, "sync tests");
    tokens[who] = `${keys.api_key}:${keys.api_secret}`;
  }
  api = await startApiServer();
  syncWorker = await startSyncWorker(world);
});

afterAll(async () => {
  await syncWorker.close();
  await closeQueues();
  await api.close();
  await world.sim.close();
  await closeRedis();
  await closeDatabase();
});

describe("orchestrator.sync.* over REST", () => {
  it("Medical Staff may not run a sync: 403 and no run is created", async () => {
    const before = await runCount();
    const res = await call("orchestrator.sync.sync_kipu_clients", { token: tokens.medical, body: { sync_type: "full", dry_run: true } });
    expect(res.status).toBe(403);
    expect(res.body.exc_type).toBe("PermissionError");
    expect(await runCount()).toBe(before);
  });

  it("bad input is a 417 with the field named, and nothing starts", async () => {
    const before = await runCount();
    const res = await call("orchestrator.sync.sync_kipu_clients", { token: tokens.admin, body: { sync_type: "sometimes", dry_run: "maybe" } });
    expect(res.status).toBe(417);
    expect(res.body.fields?.map((f) => f.field).sort()).toEqual(["dry_run", "sync_type"]);
    expect(await runCount()).toBe(before);
    const get = await call("orchestrator.sync.sync_kipu_clients", { token: tokens.admin, method: "GET" });
    expect(get.status).toBe(417);
  });

  it("a dry run answers the seed's shape with what a real run would do, and changes no client", async () => {
    const before = await dumpClients();
    const res = await call("orchestrator.sync.sync_kipu_clients", { token: tokens.admin, body: { sync_type: "full", dry_run: true } });
    expect(res.status).toBe(200);
    expect(res.body.message).toMatchObject({ imported: N, updated: 0, errors: [], status: "completed", dry_run: true });
    expect(res.body.message?.run).toMatch(/^SR-\d{5}$/);
    expect(await dumpClients()).toEqual(before);
  });

  it("a full run imports, get_sync_run shows its changes, rollback_sync_run undoes it", async () => {
    const before = await dumpClients();
    const res = await call("orchestrator.sync.sync_kipu_clients", { token: tokens.admin, body: { sync_type: "full", dry_run: false } });
    expect(res.status).toBe(200);
    expect(res.body.message).toMatchObject({ imported: N, status: "completed", dry_run: false });
    expect(await syncedClientCount()).toBe(N);
    const run = String(res.body.message?.run);

    const detail = await call(`orchestrator.sync.get_sync_run?run=${run}&action=create&limit=5`, { token: tokens.admin });
    expect(detail.status).toBe(200);
    expect(detail.body.message).toMatchObject({ name: run, changes_total: N });
    expect((detail.body.message?.changes as unknown[]).length).toBe(5);
    expect(await call(`orchestrator.sync.get_sync_run?run=${run}`, { token: tokens.medical }).then((r) => r.status)).toBe(403);
    expect(await call("orchestrator.sync.get_sync_run?run=SR-99999", { token: tokens.admin }).then((r) => r.status)).toBe(404);

    const rolled = await call("orchestrator.sync.rollback_sync_run", { token: tokens.admin, body: { run } });
    expect(rolled.status).toBe(200);
    expect(rolled.body.message).toMatchObject({ name: run, status: "rolled_back", restored: N, kept: [] });
    expect(await dumpClients()).toEqual(before);
    // Twice: the run is no longer finished-and-applied, so it is a conflict, not a second undo.
    expect(await call("orchestrator.sync.rollback_sync_run", { token: tokens.admin, body: { run } }).then((r) => r.status)).toBe(409);
  });

  it("with timeout 0 it answers 202 with the run, which the worker then completes", async () => {
    const res = await call("orchestrator.sync.sync_kipu_clients", { token: tokens.admin, body: { sync_type: "incremental", dry_run: true, timeout: 0 } });
    expect(res.status).toBe(202);
    expect(["queued", "running"]).toContain(res.body.message?.status);
    const run = String(res.body.message?.run);
    await vi.waitFor(async () => {
      const detail = await call(`orchestrator.sync.get_sync_run?run=${run}`, { token: tokens.admin });
      expect(detail.body.message?.status).toBe("completed");
    }, { timeout: 20_000, interval: 200 });
  });

  it("a webhook is accepted only with the body's HMAC and lands in the source's inbox", async () => {
    const body = JSON.stringify({ records: [{ external_id: "crm-1", first_name: "Wendy", last_name: "Hook", status: "active" }] });
    const sign = (raw: string, secret: string) => `sha256=${createHmac("sha256", secret).update(raw).digest("hex")}`;
    const inbox = async () => Number((await unsafeSystemDb().select({ n: count() }).from(schema.syncInbox).where(eq(schema.syncInbox.source, "crm")))[0]!.n);

    const wrong = await call("orchestrator.sync.receive_webhook?source=crm", { raw: body, headers: { "x-signature": sign(body, "not-the-secret") } });
    expect(wrong.status).toBe(401);
    const unknown = await call("orchestrator.sync.receive_webhook?source=lab", { raw: body, headers: { "x-signature": sign(body, "crm-webhook-secret-for-tests") } });
    expect(unknown.status).toBe(401);
    expect(await inbox()).toBe(0);

    const ok = await call("orchestrator.sync.receive_webhook?source=crm", { raw: body, headers: { "x-signature": sign(body, "crm-webhook-secret-for-tests") } });
    expect(ok.status).toBe(202);
    expect(ok.body.message).toEqual({ source: "crm", received: 1, stored: 1 });
    const again = await call("orchestrator.sync.receive_webhook?source=crm", { raw: body, headers: { "x-signature": sign(body, "crm-webhook-secret-for-tests") } });
    expect(again.body.message).toEqual({ source: "crm", received: 1, stored: 0 });
    expect(await inbox()).toBe(1);

    // The push queued a run of the source, which the worker applies as the integration user.
    const wendy = async () => unsafeSystemDb().select({ name: schema.clients.name, status: schema.clients.status }).from(schema.clients).where(eq(schema.clients.lastName, "Hook"));
    await vi.waitFor(async () => expect(await wendy()).toEqual([{ name: expect.stringMatching(/^CL-/), status: "active" }]), { timeout: 20_000, interval: 200 });
    const runs = await unsafeSystemDb().select({ status: schema.syncRuns.status, trigger: schema.syncRuns.trigger, actor: schema.syncRuns.actor, imported: schema.syncRuns.imported }).from(schema.syncRuns).where(eq(schema.syncRuns.source, "crm"));
    expect(runs).toEqual([{ status: "completed", trigger: "schedule", actor: "integration@demo.orchestrator.test", imported: 1 }]);
  });
});
