import { AppError, createScopedDb, type Principal } from "@orchestrator/db";
import { closeDatabase } from "@orchestrator/db/system";
import { eventually } from "@orchestrator/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { closeQueues, getQueue } from "../queue";
import { registry } from "../registry";
import { createCaller } from "../root";
import { contextFor } from "../trpc/context";
import { clientByKipuId, countRows, dumpClients, ensureSeeded, principals, startSyncWorker, resetSyncWorld, sourceRow, startSim, syncedClientCount, type SimWorld } from "./testing/fixtures";

/**
 * The `sync` tRPC router over the real services, a real BullMQ worker and the Kipu simulator:
 * what the Integrations pages call. Access and input are checked before any service runs.
 */
const N = 12;
let world: SimWorld;
let syncWorker: { close: () => Promise<void> };

const as = (principal: Principal) => createCaller(contextFor(principal, { requestId: "sync-router-test" }));
const admin = () => as(principals.admin());

async function failure(promise: Promise<unknown>): Promise<{ code: string; fieldErrors: string[] }> {
  const error = await promise.then(
    () => { throw new Error("expected the call to fail"); },
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw error;
  const cause = error.cause;
  return { code: error.code, fieldErrors: cause instanceof AppError ? cause.fieldErrors.map((f) => f.field) : issuesOf(cause) };
}

/** Input errors carry zod's issues (the error formatter turns them into field errors on the wire). */
function issuesOf(cause: unknown): string[] {
  const issues = (cause as { issues?: { path: PropertyKey[] }[] } | undefined)?.issues ?? [];
  return issues.map((i) => i.path.map(String).join("."));
}

/** Waits until the worker has finished the run (completed or failed). */
async function finished(run: string) {
  return eventually(async () => {
    const detail = await admin().sync.run({ run });
    if (detail.status === "queued" || detail.status === "running") throw new Error(`run ${run} is ${detail.status}`);
    return detail;
  }, 30_000);
}

beforeAll(async () => {
  await ensureSeeded();
  world = await startSim(N, { deleted: 0 });
  syncWorker = await startSyncWorker(world);
});
beforeEach(async () => {
  // resetSyncWorld restarts run names at SR-00001: finished jobs of the same ids would absorb the enqueue.
  await Promise.all([getQueue("sync").clean(0, 1_000, "completed"), getQueue("sync").clean(0, 1_000, "failed")]);
  await resetSyncWorld();
  world.sim.control.reset({ patients: N, deleted: 0, seed: 7 });
});
afterAll(async () => {
  await syncWorker.close();
  await closeQueues();
  await world.sim.close();
  await closeDatabase();
});

describe("sync router", () => {
  it("a Super Admin starts a dry run; the worker reports what a real run would do and nothing changes", async () => {
    const before = await dumpClients();
    const started = await admin().sync.start({ source: "kipu", syncType: "full", dryRun: true });
    expect(started).toMatchObject({ source: "kipu", sync_type: "full", dry_run: true, trigger: "manual", actor: "admin@demo.orchestrator.test", status: "queued" });

    const run = await finished(started.name);
    expect(run).toMatchObject({ status: "completed", imported: N, updated: 0, errors: 0, changes_total: N });
    expect(run.changes.every((c) => c.action === "create" && c.before === null && c.after !== null)).toBe(true);
    expect(await dumpClients()).toEqual(before);

    const page = await admin().sync.run({ run: started.name, action: "create", start: 10, limit: 5 });
    expect(page.changes).toHaveLength(N - 10);
    expect((await admin().sync.run({ run: started.name, action: "error" })).changes_total).toBe(0);

    const runs = await admin().sync.runs({ status: "completed" });
    expect(runs.rows.map((r) => r.name)).toEqual([started.name]);
    expect(runs.total).toBe(1);
    const [kipu] = await admin().sync.sources();
    expect(kipu).toMatchObject({ name: "kipu", status: "ok", running_run: null, last_run: { name: started.name, dry_run: true } });
  });

  it("a real run imports, and its rollback removes what it created", async () => {
    const started = await admin().sync.start({ source: "kipu", syncType: "full", dryRun: false });
    expect(await finished(started.name)).toMatchObject({ status: "completed", imported: N });
    expect(await syncedClientCount()).toBe(N);
    const report = await admin().sync.rollback({ run: started.name });
    expect(report).toMatchObject({ status: "rolled_back", restored: N, kept: [] });
    expect(await syncedClientCount()).toBe(0);
    expect((await failure(admin().sync.rollback({ run: started.name }))).code).toBe("CONFLICT");
  });

  it("Medical Staff is FORBIDDEN on every procedure, and nothing changes", async () => {
    const dry = await admin().sync.start({ source: "kipu", syncType: "full", dryRun: true });
    await finished(dry.name);
    const clients = await dumpClients();
    const runsBefore = await admin().sync.runs({});
    const sourceBefore = await sourceRow();
    const medical = as(principals.medical());
    const calls: [string, Promise<unknown>][] = [
      ["sources", medical.sync.sources()],
      ["updateSource", medical.sync.updateSource({ name: "kipu", enabled: false })],
      ["runs", medical.sync.runs({})],
      ["run", medical.sync.run({ run: dry.name })],
      ["start", medical.sync.start({ source: "kipu", syncType: "full", dryRun: false })],
      ["rollback", medical.sync.rollback({ run: dry.name })],
      ["conflicts", medical.sync.conflicts({})],
      ["resolveConflict", medical.sync.resolveConflict({ name: "any", resolution: "take_source" })],
      ["duplicates", medical.sync.duplicates({})],
      ["resolveDuplicate", medical.sync.resolveDuplicate({ name: "any", resolution: "merge" })],
    ];
    for (const [procedure, call] of calls) expect((await failure(call)).code, procedure).toBe("FORBIDDEN");
    // Even bad input is refused for who is asking, not for what was asked.
    expect((await failure(medical.sync.start({ source: "Not A Source", syncType: "full", dryRun: true }))).code).toBe("FORBIDDEN");

    expect(await dumpClients()).toEqual(clients);
    expect(await admin().sync.runs({})).toEqual(runsBefore);
    expect(await sourceRow()).toEqual(sourceBefore);
  });

  it("bad input is BAD_REQUEST with the fields named, and starts nothing", async () => {
    const cases: [Promise<unknown>, string[]][] = [
      [admin().sync.start({ source: "kipu", syncType: "partial" as "full", dryRun: true }), ["syncType"]],
      [admin().sync.start({ source: "Kipu!", syncType: "full", dryRun: "yes" as unknown as boolean }), ["source", "dryRun"]],
      [admin().sync.run({ run: "CL-00001" }), ["run"]],
      [admin().sync.runs({ status: "exploded" as "failed", limit: 0 }), ["status", "limit"]],
      [admin().sync.resolveConflict({ name: "x", resolution: "both" as "keep_local" }), ["resolution"]],
      [admin().sync.resolveDuplicate({ name: "", resolution: "merge" }), ["name"]],
      [admin().sync.updateSource({ name: "kipu", conflict_policy: { first_name: "sometimes" as "review" } }), ["conflict_policy.first_name"]],
    ];
    for (const [call, fields] of cases) {
      const { code, fieldErrors } = await failure(call);
      expect(code).toBe("BAD_REQUEST");
      expect(fieldErrors.sort()).toEqual(fields.sort());
    }
    expect((await admin().sync.runs({})).total).toBe(0);
    expect(await countRows("clients")).toBe(4);
  });

  it("the review queues list open items; each resolution takes the item off the open list", async () => {
    const [conflicted, proposed] = world.sim.control.casefileIds().slice(2, 4) as [string, string];
    const kipu = world.sim.control.patient(proposed)!;
    const scoped = createScopedDb(principals.admin(), { requestId: "sync-router-test" }, registry);
    const local = await scoped.insert("Client", { first_name: kipu.first_name, last_name: kipu.last_name, dob: kipu.dob, status: "active", department: "Program" });
    const first = await admin().sync.start({ source: "kipu", syncType: "full", dryRun: false });
    expect(await finished(first.name)).toMatchObject({ imported: N - 1, duplicates: 1 });
    const client = (await clientByKipuId(conflicted))!;
    await scoped.update("Client", client.name, { last_name: "Local" });
    world.sim.control.updatePatient(conflicted, { last_name: "Kipu" });
    const second = await admin().sync.start({ source: "kipu", syncType: "incremental", dryRun: false });
    expect(await finished(second.name)).toMatchObject({ conflicts: 1 });

    const conflicts = await admin().sync.conflicts({});
    expect(conflicts.rows).toEqual([expect.objectContaining({ client: client.name, field: "last_name", local_value: "Local", source_value: "Kipu", status: "open" })]);
    await admin().sync.resolveConflict({ name: conflicts.rows[0]!.name, resolution: "take_source" });
    expect((await admin().sync.conflicts({})).total).toBe(0);
    expect((await admin().sync.conflicts({ status: "took_source" })).total).toBe(1);
    expect((await clientByKipuId(conflicted))?.lastName).toBe("Kipu");

    const duplicates = await admin().sync.duplicates({});
    expect(duplicates.rows).toEqual([expect.objectContaining({ client: local.name, external_id: proposed, status: "open" })]);
    await admin().sync.resolveDuplicate({ name: duplicates.rows[0]!.name, resolution: "merge" });
    expect((await admin().sync.duplicates({})).total).toBe(0);
    expect((await clientByKipuId(proposed))?.name).toBe(local.name);

    expect((await failure(admin().sync.resolveConflict({ name: "no-such-conflict", resolution: "keep_local" }))).code).toBe("NOT_FOUND");
    expect((await failure(admin().sync.resolveDuplicate({ name: "no-such-duplicate", resolution: "dismiss" }))).code).toBe("NOT_FOUND");
  });
});
