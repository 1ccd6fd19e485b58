import { ScopedDb } from "@orchestrator/db";
import { closeDatabase } from "@orchestrator/db/system";
import { KIPU_SIM_MESSAGES } from "@orchestrator/kipu-simulator";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeQueues } from "../queue";
import { executeSyncRun, SyncRunFailedError } from "./engine";
import { getSyncRun, startSyncRun } from "./runs";
import { scheduleSync, SourceBusyError } from "./schedule";
import { listSyncSources, updateSyncSource } from "./source-admin";
import { adapterWith, changesOf, countRows, ensureSeeded, loadTestPrincipal, principals, resetSyncWorld, sourceRow, startSim, syncedClientCount, type SimWorld } from "./testing/fixtures";

const N = 60; // three pages of 20
let world: SimWorld;

const start = (options: { dryRun?: boolean; syncType?: "full" | "incremental" } = {}) => startSyncRun({ source: "kipu", syncType: options.syncType ?? "full", dryRun: options.dryRun ?? false, trigger: "manual" }, principals.admin());

beforeAll(async () => {
  await ensureSeeded();
  world = await startSim(N);
});
beforeEach(async () => {
  await resetSyncWorld();
  world.sim.control.reset({ patients: N, deleted: 2, seed: 7 });
});
afterEach(() => vi.restoreAllMocks());
afterAll(async () => {
  await world.sim.close();
  await closeQueues();
  await closeDatabase();
});

describe("who may sync", () => {
  it("only Super Admin and Integration run syncs or read runs", async () => {
    await expect(startSyncRun({ source: "kipu", syncType: "full", dryRun: true, trigger: "manual" }, principals.medical())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(startSyncRun({ source: "kipu", syncType: "full", dryRun: true, trigger: "manual" }, principals.supervisor())).rejects.toMatchObject({ code: "FORBIDDEN" });
    const run = await startSyncRun({ source: "kipu", syncType: "full", dryRun: true, trigger: "api" }, principals.integration());
    await expect(getSyncRun(run.name, principals.medical())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listSyncSources(principals.supervisor())).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await getSyncRun(run.name, principals.admin())).actor).toBe("integration@demo.orchestrator.test");
  });
});

describe("one run per source", () => {
  it("two concurrent starts give one run and one CONFLICT; the source is free again when it ends", async () => {
    const results = await Promise.allSettled([start(), start()]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toMatchObject({ code: "CONFLICT" });
    const runName = (fulfilled[0] as PromiseFulfilledResult<{ name: string }>).value.name;
    expect(String(rejected[0]!.reason.message)).toContain(runName);
    expect((await sourceRow())?.runningRun).toBe(runName);
    await executeSyncRun(runName, { loadPrincipal: loadTestPrincipal, adapterFor: world.adapterFor });
    expect((await sourceRow())?.runningRun).toBeNull();
    await expect(start()).resolves.toMatchObject({ status: "queued" });
  });

  it("a busy source: the schedule skips, a push-triggered job is retried later instead", async () => {
    const run = await start();
    const enqueued: unknown[] = [];
    const deps = { loadPrincipal: loadTestPrincipal, enqueueRun: async (p: unknown) => (enqueued.push(p), { jobId: "x" }), kipuConfigured: true };
    expect(await scheduleSync({ source: "kipu", sync_type: "incremental" }, deps)).toEqual({ skipped: "running", run: run.name });
    await expect(scheduleSync({ source: "kipu", sync_type: "incremental", after_push: true }, deps)).rejects.toBeInstanceOf(SourceBusyError);
    // Both re-queued the holder's job (in case it was lost); neither started another run.
    expect(enqueued).toEqual([{ run: run.name, actor: run.actor }, { run: run.name, actor: run.actor }]);
    expect((await sourceRow())?.runningRun).toBe(run.name);
  });
});

describe("a worker killed mid-run", () => {
  it("resumes from the last committed page and ends with exactly N clients", async () => {
    const run = await start();
    // One page (20 records) per transaction.
    const deps = { loadPrincipal: loadTestPrincipal, adapterFor: world.adapterFor, commitRecords: 20 };
    const crash = new Error("worker killed after page 2");
    await expect(
      executeSyncRun(run.name, {
        ...deps,
        afterPage: ({ pagesDone }) => {
          if (pagesDone === 2) throw crash;
        },
      }),
    ).rejects.toBe(crash);
    const midway = await getSyncRun(run.name, principals.admin());
    expect(midway).toMatchObject({ status: "running", pages_done: 2, imported: 40 });
    expect(await syncedClientCount()).toBe(40);
    expect((await sourceRow())?.runningRun).toBe(run.name);

    const finished = await executeSyncRun(run.name, deps);
    expect(finished).toMatchObject({ status: "completed", imported: N, attempts: 2 });
    expect(await syncedClientCount()).toBe(N);
    const changes = await changesOf(run.name);
    expect(changes).toHaveLength(N);
    expect(new Set(changes.map((c) => c.externalId)).size).toBe(N);
    // Executing a finished run again does nothing.
    expect(await executeSyncRun(run.name, deps)).toMatchObject({ status: "completed", imported: N });
    expect(await syncedClientCount()).toBe(N);
  });

  it("a crash inside a transaction of several pages leaves nothing of them; the retry imports them whole", async () => {
    const run = await start();
    // Two pages (40 records) per transaction: pages 1–2, then page 3.
    const deps = { loadPrincipal: loadTestPrincipal, adapterFor: world.adapterFor, commitRecords: 40 };
    // A transaction's clients go in as one scoped batch: the second one is written, then the connection "drops".
    const insertMany = ScopedDb.prototype.insertMany;
    let batches = 0;
    vi.spyOn(ScopedDb.prototype, "insertMany").mockImplementation(async function (this: ScopedDb, doctype, items) {
      const outcomes = await insertMany.call(this, doctype, items);
      if (doctype === "Client" && ++batches === 2) throw new Error("connection lost mid-page");
      return outcomes;
    });
    await expect(executeSyncRun(run.name, deps)).rejects.toThrow("connection lost mid-page");
    expect(await syncedClientCount()).toBe(40); // pages 1–2 committed, page 3 rolled back whole
    expect((await getSyncRun(run.name, principals.admin())).pages_done).toBe(2);
    expect((await getSyncRun(run.name, principals.admin())).error).toContain("connection lost mid-page");
    vi.restoreAllMocks();
    expect(await executeSyncRun(run.name, deps)).toMatchObject({ status: "completed", imported: N });
    expect(await syncedClientCount()).toBe(N);
  });

  it("on the last attempt a transient failure fails the run and frees the source", async () => {
    world.sim.control.addFaults({ type: "status", status: 503, persistent: true, path: "/api/patients/census" });
    const run = await start();
    const fast = adapterWith(world, { maxRetries: 1 });
    await expect(executeSyncRun(run.name, { loadPrincipal: loadTestPrincipal, adapterFor: fast }, { finalAttempt: true })).rejects.toBeInstanceOf(SyncRunFailedError);
    const failed = await getSyncRun(run.name, principals.admin());
    expect(failed.status).toBe("failed");
    expect(failed.error).toContain("503");
    expect(await sourceRow()).toMatchObject({ status: "error", runningRun: null });
  });
});

describe("Kipu refusing us", () => {
  it("wrong credentials: the source shows 'authentication failed' with Kipu's message, is not retried, and the schedule backs off", async () => {
    const run = await start();
    world.sim.control.clearRequests();
    const wrong = adapterWith(world, { secretKey: "not-the-secret" });
    const error = await executeSyncRun(run.name, { loadPrincipal: loadTestPrincipal, adapterFor: wrong }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncRunFailedError);
    expect(world.sim.control.requestCount("/api/")).toBe(1); // 401 is never retried
    const source = (await sourceRow())!;
    expect(source).toMatchObject({ status: "auth_failed", consecutiveFailures: 1, runningRun: null });
    expect(source.statusMessage).toBe(`authentication failed: ${KIPU_SIM_MESSAGES.badSignature}`);
    expect(Date.parse(`${source.nextAttemptAt!.replace(" ", "T")}Z`)).toBeGreaterThan(Date.now() + 10 * 60_000);
    expect((await getSyncRun(run.name, principals.admin())).status).toBe("failed");
    // The secret is nowhere in what we stored.
    expect(JSON.stringify(await getSyncRun(run.name, principals.admin()))).not.toContain("not-the-secret");

    const enqueued: unknown[] = [];
    const outcome = await scheduleSync({ source: "kipu", sync_type: "incremental" }, { loadPrincipal: loadTestPrincipal, enqueueRun: async (p) => (enqueued.push(p), { jobId: "x" }) });
    expect(outcome).toMatchObject({ skipped: "backing_off" });
    expect(enqueued).toEqual([]);
    // Later, past the back-off, the schedule starts a run as the integration user.
    const pastBackoff = () => new Date(Date.now() + 13 * 3600_000);
    // Without Kipu credentials the schedule starts nothing.
    const unconfigured = await scheduleSync({ source: "kipu", sync_type: "incremental" }, { loadPrincipal: loadTestPrincipal, enqueueRun: async (p) => (enqueued.push(p), { jobId: "x" }), now: pastBackoff, kipuConfigured: false });
    expect(unconfigured).toEqual({ skipped: "not_configured" });
    expect(enqueued).toEqual([]);
    const later = await scheduleSync({ source: "kipu", sync_type: "incremental" }, { loadPrincipal: loadTestPrincipal, enqueueRun: async (p) => (enqueued.push(p), { jobId: "x" }), now: pastBackoff, kipuConfigured: true });
    expect(later).toMatchObject({ started: expect.stringMatching(/^SR-\d+$/) });
    expect(enqueued).toEqual([{ run: (later as { started: string }).started, actor: "integration@demo.orchestrator.test" }]);
  });

  it("a 403 stops the source (scheduled runs skip it) until an admin resets it", async () => {
    const run = await start();
    const wrongApp = adapterWith(world, { appId: "someone-else" });
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await expect(executeSyncRun(run.name, { loadPrincipal: loadTestPrincipal, adapterFor: wrongApp })).rejects.toBeInstanceOf(SyncRunFailedError);
    expect(await sourceRow()).toMatchObject({ status: "forbidden", statusMessage: `access forbidden: ${KIPU_SIM_MESSAGES.badRecipient}` });
    expect(logged.mock.calls.map((c) => String(c[0])).join("\n")).toContain("sync source stopped");
    expect(await scheduleSync({ source: "kipu", sync_type: "incremental" }, { loadPrincipal: loadTestPrincipal, enqueueRun: async () => ({ jobId: "x" }) })).toEqual({ skipped: "stopped" });
    await updateSyncSource("kipu", { reset_status: true }, principals.admin());
    expect(await sourceRow()).toMatchObject({ status: "ok", statusMessage: null });
  });

  it("a 410 disables that endpoint on the source; the run completes without it", async () => {
    world.sim.control.addFaults({ type: "status", status: 410, persistent: true, path: "/api/vaults/patients" });
    const run = await start();
    const done = await executeSyncRun(run.name, { loadPrincipal: loadTestPrincipal, adapterFor: world.adapterFor });
    expect(done).toMatchObject({ status: "completed", imported: N });
    expect((await sourceRow())?.disabledEndpoints).toEqual(["/api/vaults/patients"]);
    world.sim.control.clearRequests();
    await executeSyncRun((await start({ syncType: "incremental" })).name, { loadPrincipal: loadTestPrincipal, adapterFor: world.adapterFor });
    expect(world.sim.control.requestCount("/api/vaults/patients")).toBe(0);
    const [kipu] = await listSyncSources(principals.admin(), { health: true, adapterFor: world.adapterFor });
    expect(kipu).toMatchObject({ name: "kipu", status: "ok", disabled_endpoints: ["/api/vaults/patients"], health: { ok: true, totalRecords: N } });
  });

  it("a Kipu source without credentials fails the run with a clear status", async () => {
    const { createAdapterFactory } = await import("./adapters");
    const run = await start();
    await expect(executeSyncRun(run.name, { loadPrincipal: loadTestPrincipal, adapterFor: createAdapterFactory({}) })).rejects.toBeInstanceOf(SyncRunFailedError);
    expect((await sourceRow())?.statusMessage).toContain("Kipu is not configured");
    expect(await countRows("clients")).toBe(4);
  });
});
