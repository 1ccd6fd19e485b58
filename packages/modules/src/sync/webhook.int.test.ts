import { closeDatabase } from "@orchestrator/db/system";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { closeQueues } from "../queue";
import { createAdapterFactory } from "./adapters";
import { executeSyncRun } from "./engine";
import { getSyncRun, startSyncRun } from "./runs";
import { receiveWebhook, webhookSignature } from "./webhook-receiver";
import { countRows, ensureSeeded, loadTestPrincipal, principals, resetSyncWorld, sourceRow } from "./testing/fixtures";

const SECRET = "webhook-test-secret-0123456789";
const deps = { loadPrincipal: loadTestPrincipal, adapterFor: createAdapterFactory({ perPage: 2 }) };

function push(records: unknown, options: { secret?: string; tamper?: boolean } = {}) {
  const body = JSON.stringify(records);
  const signature = webhookSignature(body, options.secret ?? SECRET);
  return receiveWebhook("emr-push", options.tamper ? body.replace("Ada", "Eve") : body, signature, SECRET);
}

async function sync(syncType: "full" | "incremental" = "incremental") {
  const run = await startSyncRun({ source: "emr-push", syncType, dryRun: false, trigger: "api" }, principals.integration());
  return executeSyncRun(run.name, deps);
}

beforeAll(ensureSeeded);
beforeEach(resetSyncWorld);
afterAll(async () => {
  await closeQueues();
  await closeDatabase();
});

describe("signed webhook source", () => {
  it("refuses a missing, wrong or tampered signature and stores nothing", async () => {
    const records = { records: [{ external_id: "A-1", first_name: "Ada", last_name: "Byron", dob: "1990-12-10" }] };
    await expect(push(records, { secret: "wrong-secret" })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(push(records, { tamper: true })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(receiveWebhook("emr-push", JSON.stringify(records), null, SECRET)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(receiveWebhook("emr-push", JSON.stringify(records), "sha256=zz", SECRET)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await sourceRow("emr-push")).toBeUndefined();
  });

  it("refuses records without an id, naming the field and not the values", async () => {
    const error = await push([{ first_name: "Ada" }]).then(
      () => new Error("accepted"),
      (e: unknown) => e as Error,
    );
    expect(error).toMatchObject({ code: "VALIDATION" });
    expect(error.message).toContain("records[0].external_id");
    expect(error.message).not.toContain("Ada");
  });

  it("pushed records land in the inbox once per body, and a sync creates then updates their clients", async () => {
    const first = [
      { external_id: "A-1", first_name: "Ada", last_name: "Byron", dob: "1990-12-10", status: "active", admission_date: "2026-01-02" },
      { external_id: "A-2", first_name: "Alan", last_name: "Turing", dob: "1992-06-23" },
      { external_id: "A-3", first_name: "", last_name: "Nameless" },
    ];
    expect(await push({ records: first })).toEqual({ source: "emr-push", received: 3, stored: 3 });
    expect(await push({ records: first })).toEqual({ source: "emr-push", received: 3, stored: 0 });
    const clientsBefore = await countRows("clients");

    const run1 = await sync();
    expect(run1).toMatchObject({ status: "completed", imported: 2, errors: 1 });
    expect(await countRows("clients")).toBe(clientsBefore + 2);
    const detail = await getSyncRun(run1.name, principals.admin());
    expect(detail.changes.find((c) => c.action === "error")).toMatchObject({ external_id: "A-3", error_reason: "missing first_name" });

    // A newer version of A-1 arrives (keys in another order: still a new body), A-2 is resent unchanged.
    await push([{ last_name: "Lovelace", external_id: "A-1", first_name: "Ada", dob: "1990-12-10", status: "active", admission_date: "2026-01-02" }, first[1]]);
    const run2 = await sync();
    expect(run2).toMatchObject({ imported: 0, updated: 1, errors: 0 });
    expect(detailOf(await getSyncRun(run2.name, principals.admin()))).toEqual([["update", "A-1", ["last_name"]]]);
    expect((await sourceRow("emr-push"))?.highWaterMark).toBe(run2.high_water_mark);
    expect(await sync()).toMatchObject({ imported: 0, updated: 0, skipped: 0 });
  });
});

function detailOf(run: { changes: { action: string; external_id: string | null; fields_changed: string[] }[] }) {
  return run.changes.map((c) => [c.action, c.external_id, c.fields_changed]);
}
