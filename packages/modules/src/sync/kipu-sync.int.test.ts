import { createScopedDb } from "@orchestrator/db";
import { closeDatabase } from "@orchestrator/db/system";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { closeQueues } from "../queue";
import { registry } from "../registry";
import { executeSyncRun } from "./engine";
import { getSyncRun, listSyncRuns, startSyncRun } from "./runs";
import { listConflicts, resolveConflict } from "./conflicts";
import { listDuplicates, resolveDuplicate } from "./duplicates";
import { rollbackSyncRun } from "./rollback";
import { changesOf, clientByKipuId, countRows, dumpClients, dumpState, ensureSeeded, loadTestPrincipal, principals, resetSyncWorld, sourceRow, startSim, syncedClientCount, versionsWithRequest, type SimWorld } from "./testing/fixtures";

const N = 50;
let world: SimWorld;

const deps = () => ({ loadPrincipal: loadTestPrincipal, adapterFor: world.adapterFor });

async function run(syncType: "full" | "incremental", options: { dryRun?: boolean } = {}) {
  const started = await startSyncRun({ source: "kipu", syncType, dryRun: options.dryRun ?? false, trigger: "manual" }, principals.integration());
  return executeSyncRun(started.name, deps());
}

const admin = () => createScopedDb(principals.admin(), { requestId: "sync-tests" }, registry);

beforeAll(async () => {
  await ensureSeeded();
  world = await startSim(N);
});
beforeEach(async () => {
  await resetSyncWorld();
  world.sim.control.reset({ patients: N, deleted: 2, seed: 7 });
});
afterAll(async () => {
  await world.sim.close();
  await closeQueues();
  await closeDatabase();
});

describe("full and incremental runs", () => {
  it("a full sync of N patients creates N clients, each audited as made by the sync", async () => {
    const before = await countRows("clients");
    const result = await run("full");
    expect(result).toMatchObject({ status: "completed", imported: N, updated: 0, errors: 0, conflicts: 0, duplicates: 0, removed: 0, dry_run: false });
    expect(await countRows("clients")).toBe(before + N);
    expect(await syncedClientCount()).toBe(N);

    const id = world.sim.control.casefileIds()[3]!;
    const kipu = world.sim.control.patient(id)!;
    const client = (await clientByKipuId(id))!;
    expect({ first: client.firstName, last: client.lastName, dob: client.dob, synced: client.syncedFromKipu, department: client.department }).toEqual({ first: kipu.first_name, last: kipu.last_name, dob: kipu.dob, synced: true, department: "Medical" });
    const audit = await versionsWithRequest(`sync:${result.name}`);
    expect(audit).toHaveLength(N);
    expect(new Set(audit.map((v) => `${v.action}|${v.owner}`))).toEqual(new Set(["create|integration@demo.orchestrator.test"]));

    const detail = await getSyncRun(result.name, principals.admin());
    expect(detail.changes.filter((c) => c.action === "create")).toHaveLength(N);
    expect(detail.changes_total).toBe(N);
    expect((await sourceRow())?.highWaterMark).toBe(result.high_water_mark);
  });

  it("repeating it creates and updates nothing", async () => {
    await run("full");
    const clients = await dumpClients();
    const versions = await countRows("versions");
    const again = await run("full");
    expect(again).toMatchObject({ status: "completed", imported: 0, updated: 0, skipped: N, errors: 0 });
    expect(await dumpClients()).toEqual(clients);
    expect(await countRows("versions")).toBe(versions);
  });

  it("after changes in Kipu an incremental run updates exactly those, and adds the new admission", async () => {
    await run("full");
    const ids = world.sim.control.casefileIds();
    const changed = [ids[1]!, ids[17]!, ids[33]!];
    const originalFirst = world.sim.control.patient(changed[0]!)!.first_name;
    world.sim.control.updatePatient(changed[0]!, { first_name: "Renamed" });
    world.sim.control.updatePatient(changed[1]!, { status: "discharged", discharge_date: new Date().toISOString() });
    world.sim.control.updatePatient(changed[2]!, { last_name: "Newname" });
    const created = world.sim.control.createPatient({ first_name: "Brand", last_name: "New" });

    const result = await run("incremental");
    expect(result).toMatchObject({ status: "completed", sync_type: "incremental", updated: 3, imported: 1, errors: 0, conflicts: 0 });
    expect(result.since).not.toBeNull();
    const changes = await changesOf(result.name);
    expect(changes.filter((c) => c.action === "update").map((c) => c.externalId).sort()).toEqual([...changed].sort());
    expect(changes.find((c) => c.externalId === changed[0])).toMatchObject({ fieldsChanged: ["first_name"] });
    expect(changes.find((c) => c.externalId === changed[0])?.beforeImage).toMatchObject({ first_name: originalFirst });
    expect((await clientByKipuId(changed[0]!))?.firstName).toBe("Renamed");
    expect((await clientByKipuId(changed[1]!))?.status).toBe("discharged");
    expect((await clientByKipuId(created.casefile_id))?.lastName).toBe("New");
    // Kipu's date-granular window brought unchanged records too: recognised and skipped.
    expect(result.skipped).toBeGreaterThan(0);
    expect(world.sim.control.requests("/api/patients/latest").length).toBeGreaterThan(0);
  });

  it("a record soft-deleted in Kipu flags its client as removed, never deletes it", async () => {
    await run("full");
    const id = world.sim.control.casefileIds()[5]!;
    world.sim.control.softDelete(id);
    const result = await run("incremental");
    expect(result.removed).toBe(1);
    const client = await clientByKipuId(id);
    expect(client).toBeDefined();
    expect(client?.kipuRemovedAt).not.toBeNull();
    const again = await run("incremental");
    expect(again.removed).toBe(0);
  });
});

describe("dry run", () => {
  it("changes no row and no audit entry, yet reports what a real run would do", async () => {
    await run("full");
    const ids = world.sim.control.casefileIds();
    world.sim.control.updatePatient(ids[2]!, { first_name: "Dryrun" });
    world.sim.control.createPatient({ first_name: "Only", last_name: "Preview" });
    world.sim.control.malform(ids[9]!, "missing_last_name");

    const snapshot = { clients: await dumpClients(), versions: await countRows("versions"), accessLog: await countRows("access_log"), state: await dumpState(), conflicts: await countRows("sync_conflicts"), source: await sourceRow() };
    const dry = await run("incremental", { dryRun: true });
    expect(dry).toMatchObject({ status: "completed", dry_run: true, imported: 1, updated: 1, errors: 1 });
    expect({ clients: await dumpClients(), versions: await countRows("versions"), accessLog: await countRows("access_log"), state: await dumpState(), conflicts: await countRows("sync_conflicts") }).toEqual({
      clients: snapshot.clients,
      versions: snapshot.versions,
      accessLog: snapshot.accessLog,
      state: snapshot.state,
      conflicts: snapshot.conflicts,
    });
    expect((await sourceRow())?.highWaterMark).toBe(snapshot.source?.highWaterMark);
    const report = await getSyncRun(dry.name, principals.admin());
    expect(report.changes.find((c) => c.action === "update")).toMatchObject({ external_id: ids[2], fields_changed: ["first_name"], after: expect.objectContaining({ first_name: "Dryrun" }) });
    expect(report.changes.find((c) => c.action === "error")?.error_reason).toContain("missing last_name");

    const real = await run("incremental");
    expect({ imported: real.imported, updated: real.updated, errors: real.errors }).toEqual({ imported: dry.imported, updated: dry.updated, errors: dry.errors });
  });
});

describe("conflicts", () => {
  it("a local edit to a field Kipu also changed is held for review, not overwritten; both resolutions work", async () => {
    await run("full");
    const [a, b] = world.sim.control.casefileIds().slice(10, 12) as [string, string];
    const clientA = (await clientByKipuId(a))!;
    const clientB = (await clientByKipuId(b))!;
    await admin().update("Client", clientA.name, { last_name: "LocalA" });
    await admin().update("Client", clientB.name, { last_name: "LocalB", first_name: "KeptFirst" });
    world.sim.control.updatePatient(a, { last_name: "KipuA", first_name: "KipuFirstA" });
    world.sim.control.updatePatient(b, { last_name: "KipuB" });

    const result = await run("incremental");
    expect(result).toMatchObject({ conflicts: 2, updated: 1 });
    // A: first_name only changed in Kipu → taken; last_name changed on both sides → kept local, in review.
    expect(await clientByKipuId(a)).toMatchObject({ firstName: "KipuFirstA", lastName: "LocalA" });
    expect(await clientByKipuId(b)).toMatchObject({ firstName: "KeptFirst", lastName: "LocalB" });
    const open = await listConflicts(principals.admin());
    expect(open.rows.map((c) => [c.client, c.field, c.local_value, c.source_value]).sort()).toEqual([
      [clientA.name, "last_name", "LocalA", "KipuA"],
      [clientB.name, "last_name", "LocalB", "KipuB"],
    ].sort());

    // Running again raises nothing new: Kipu has not changed since.
    const again = await run("incremental");
    expect(again).toMatchObject({ conflicts: 0, updated: 0 });
    expect((await listConflicts(principals.admin())).total).toBe(2);

    const byClient = new Map(open.rows.map((c) => [c.client, c]));
    const took = await resolveConflict(byClient.get(clientA.name)!.name, "take_source", principals.admin());
    expect(took).toMatchObject({ status: "took_source", resolved_by: "admin@demo.orchestrator.test" });
    expect((await clientByKipuId(a))?.lastName).toBe("KipuA");
    const kept = await resolveConflict(byClient.get(clientB.name)!.name, "keep_local", principals.admin());
    expect(kept.status).toBe("kept_local");
    expect((await clientByKipuId(b))?.lastName).toBe("LocalB");
    expect((await listConflicts(principals.admin())).total).toBe(0);
    await expect(resolveConflict(kept.name, "take_source", principals.admin())).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await versionsWithRequest(`sync-conflict:${took.name}`)).map((v) => v.owner)).toEqual(["admin@demo.orchestrator.test"]);
  });

  it("a field's policy can let Kipu win", async () => {
    await run("full");
    const id = world.sim.control.casefileIds()[20]!;
    const client = (await clientByKipuId(id))!;
    const { updateSyncSource } = await import("./source-admin");
    await updateSyncSource("kipu", { conflict_policy: { last_name: "source_wins" } }, principals.admin());
    await admin().update("Client", client.name, { last_name: "Local" });
    world.sim.control.updatePatient(id, { last_name: "FromKipu" });
    const result = await run("incremental");
    expect(result).toMatchObject({ conflicts: 0, updated: 1 });
    expect((await clientByKipuId(id))?.lastName).toBe("FromKipu");
  });
});

describe("bad records and a flaky Kipu", () => {
  it("malformed records are errors with their reason while the rest import", async () => {
    const ids = world.sim.control.casefileIds();
    world.sim.control.malform(ids[0]!, "missing_last_name");
    world.sim.control.malform(ids[7]!, "impossible_dob");
    world.sim.control.malform(ids[13]!, "discharge_before_admission");
    world.sim.control.malform(ids[21]!, "unknown_status");
    const result = await run("full");
    expect(result).toMatchObject({ status: "completed", imported: N - 4, errors: 4 });
    const errors = (await changesOf(result.name)).filter((c) => c.action === "error");
    const reasons = Object.fromEntries(errors.map((e) => [e.externalId, e.errorReason]));
    expect(reasons[ids[0]!]).toContain("missing last_name");
    expect(reasons[ids[7]!]).toContain("dob is not a valid date");
    expect(reasons[ids[13]!]).toContain("discharge_date is before admission_date");
    expect(reasons[ids[21]!]).toContain('unknown status "teleported"');
    expect(await clientByKipuId(ids[0]!)).toBeUndefined();
    expect(await syncedClientCount()).toBe(N - 4);
  });

  it("5xx, 429 and slow answers are retried and the run completes", async () => {
    world.sim.control.addFaults(
      { type: "status", status: 503, path: "/api/patients/census" },
      { type: "status", status: 502, path: "/api/patients/census" },
      { type: "rate_limit", retryAfterSeconds: 1, path: "/api/patients/census" },
      { type: "delay", ms: 2_500, path: "/api/patients/census" },
      { type: "status", status: 504, path: "/api/vaults/patients" },
    );
    const result = await run("full");
    expect(result).toMatchObject({ status: "completed", imported: N, errors: 0 });
    const faults = world.sim.control.requests().map((r) => r.fault).filter(Boolean);
    expect(faults).toEqual(expect.arrayContaining(["status 503", "status 502", "429 retry-after 1s", "delay 2500ms", "status 504"]));
    expect(world.sim.control.pendingFaults()).toEqual([]);
    expect(await syncedClientCount()).toBe(N);
  });
});

describe("duplicates", () => {
  it("a Kipu record matching an unlinked local client by name and dob is proposed, not created; merge links them", async () => {
    const id = world.sim.control.casefileIds()[4]!;
    const kipu = world.sim.control.patient(id)!;
    const local = await admin().insert("Client", { first_name: ` ${kipu.first_name!.toUpperCase()} `, last_name: kipu.last_name!.replace(/e/g, "é"), dob: kipu.dob, status: "active", department: "Program" });
    const result = await run("full");
    expect(result).toMatchObject({ imported: N - 1, duplicates: 1 });
    expect(await clientByKipuId(id)).toBeUndefined();
    const proposals = await listDuplicates(principals.admin());
    expect(proposals.rows).toHaveLength(1);
    expect(proposals.rows[0]).toMatchObject({ client: local.name, external_id: id, status: "open" });

    const again = await run("full");
    expect(again).toMatchObject({ imported: 0, duplicates: 1 });
    expect((await listDuplicates(principals.admin())).total).toBe(1);

    const merged = await resolveDuplicate(proposals.rows[0]!.name, "merge", principals.admin());
    expect(merged.status).toBe("merged");
    expect(await clientByKipuId(id)).toMatchObject({ name: local.name, firstName: kipu.first_name, department: "Program" });
    const after = await run("full");
    expect(after).toMatchObject({ imported: 0, duplicates: 0, updated: 0 });
  });

  it("dismissing a proposal creates a separate client", async () => {
    const id = world.sim.control.casefileIds()[6]!;
    const kipu = world.sim.control.patient(id)!;
    const local = await admin().insert("Client", { first_name: kipu.first_name, last_name: kipu.last_name, dob: kipu.dob, status: "pending", department: "Medical" });
    await run("full");
    const [proposal] = (await listDuplicates(principals.admin())).rows;
    const dismissed = await resolveDuplicate(proposal!.name, "dismiss", principals.admin());
    expect(dismissed.status).toBe("dismissed");
    const created = (await clientByKipuId(id))!;
    expect(created.name).toBe(dismissed.created_client);
    expect(created.name).not.toBe(local.name);
    expect((await run("full")).imported).toBe(0);
  });
});

describe("rollback", () => {
  it("restores exactly the previous state (clients and sync state compared before and after)", async () => {
    await run("full");
    const ids = world.sim.control.casefileIds();
    const localEdit = (await clientByKipuId(ids[30]!))!;
    await admin().update("Client", localEdit.name, { last_name: "Edited" });
    const clientsBefore = await dumpClients({ withoutModified: true });
    const stateBefore = await dumpState();
    const hwmBefore = (await sourceRow())?.highWaterMark;

    world.sim.control.updatePatient(ids[1]!, { first_name: "Changed", status: "discharged", discharge_date: new Date().toISOString() });
    world.sim.control.updatePatient(ids[30]!, { last_name: "KipuSide" }); // a conflict: opened by the run
    world.sim.control.createPatient({ first_name: "Rolled", last_name: "Back" });
    world.sim.control.softDelete(ids[2]!);
    const second = await run("incremental");
    expect(second).toMatchObject({ imported: 1, updated: 1, removed: 1, conflicts: 1 });
    expect(await dumpClients({ withoutModified: true })).not.toEqual(clientsBefore);

    const report = await rollbackSyncRun(second.name, principals.admin());
    expect(report).toMatchObject({ status: "rolled_back", restored: 4, kept: [], rolled_back_by: "admin@demo.orchestrator.test" });
    expect(await dumpClients({ withoutModified: true })).toEqual(clientsBefore);
    expect(await dumpState()).toEqual(stateBefore);
    expect((await sourceRow())?.highWaterMark).toBe(hwmBefore);
    expect((await listConflicts(principals.admin())).total).toBe(0);
    const audit = await versionsWithRequest(`sync-rollback:${second.name}`);
    expect(audit.map((v) => v.action).sort()).toEqual(["delete", "update", "update"]);
    expect(new Set(audit.map((v) => v.owner))).toEqual(new Set(["admin@demo.orchestrator.test"]));
    await expect(rollbackSyncRun(second.name, principals.admin())).rejects.toMatchObject({ code: "CONFLICT" });

    // The next incremental run brings the undone changes again.
    const redo = await run("incremental");
    expect(redo).toMatchObject({ imported: 1, updated: 1, removed: 1 });
  });

  it("a field changed again since the run is reported and kept, not overwritten", async () => {
    await run("full");
    const id = world.sim.control.casefileIds()[8]!;
    world.sim.control.updatePatient(id, { first_name: "FromKipu", last_name: "AlsoKipu" });
    const second = await run("incremental");
    const client = (await clientByKipuId(id))!;
    await admin().update("Client", client.name, { first_name: "UserFix" });
    const report = await rollbackSyncRun(second.name, principals.admin());
    expect(report.status).toBe("partially_rolled_back");
    expect(report.kept).toEqual([expect.objectContaining({ client: client.name, fields: ["first_name"] })]);
    const after = (await clientByKipuId(id))!;
    expect(after.firstName).toBe("UserFix");
    expect(after.lastName).not.toBe("AlsoKipu");
    expect((await listSyncRuns(principals.admin(), { status: "partially_rolled_back" })).total).toBe(1);
  });
});
