/**
 * `ScopedDb.insertMany`, the batch the sync writes a page's new clients with: the same permission
 * checks, validation and audit as `insert`, per document, in one transaction.
 */
import { asc, eq, like } from "drizzle-orm";
import { createScopedDb } from "@orchestrator/db";
import { closeDatabase, schema as s, unsafeSystemDb } from "@orchestrator/db/system";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRedis } from "@orchestrator/auth";
import { registry } from "../registry";
import { countRows, ensureSeeded, principals } from "./testing/fixtures";

const client = (i: number, extra: Record<string, unknown> = {}) => ({ first_name: `Batch${i}`, last_name: "Tester", dob: "1990-01-02", status: "active", admission_date: "2026-01-01", department: "Medical", ...extra });

beforeAll(async () => {
  await ensureSeeded();
});
afterAll(async () => {
  await closeRedis();
  await closeDatabase();
});

describe("ScopedDb.insertMany", () => {
  it("inserts each document with its own series name and Version row; rule refusals stay in their slot", async () => {
    const scoped = createScopedDb(principals.integration(), { requestId: "batch-1" }, registry);
    const versionsBefore = await countRows("versions");
    const outcomes = await scoped.insertMany("Client", [
      { body: client(1), serverValues: { kipu_id: "900:1", synced_from_kipu: 1 } },
      { body: client(2, { discharge_date: "2025-01-01" }) }, // the Client's own rule: discharge before admission
      { body: client(3, { status: "sleeping" }) }, // a bad option
      { body: client(4, { department: "Nowhere" }) }, // a link to nothing
      { body: client(5) },
    ]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, false, false, true]);
    const [first, , , , last] = outcomes;
    const names = [first, last].map((o) => (o?.ok ? o.name : ""));
    // In order; the number taken for the document the Client's own rule refused (after naming) is not reused.
    expect(Number(names[1]!.slice(3))).toBe(Number(names[0]!.slice(3)) + 2);
    for (const [i, o] of outcomes.entries()) if (!o.ok) expect(o.error.code, `slot ${i}`).toBe("VALIDATION");
    expect(outcomes[1]!.ok ? [] : outcomes[1]!.error.fieldErrors.map((e) => e.field)).toEqual(["discharge_date"]);
    expect(outcomes[3]!.ok ? [] : outcomes[3]!.error.fieldErrors.map((e) => e.field)).toEqual(["department"]);

    const rows = await unsafeSystemDb().select().from(s.clients).where(like(s.clients.firstName, "Batch%")).orderBy(asc(s.clients.name));
    expect(rows.map((r) => [r.name, r.firstName, r.kipuId, r.owner])).toEqual([
      [names[0], "Batch1", "900:1", principals.integration().user],
      [names[1], "Batch5", null, principals.integration().user],
    ]);
    // Audited like single inserts: one create Version per document, in the caller's request, dob masked.
    expect(await countRows("versions")).toBe(versionsBefore + 2);
    const audit = await unsafeSystemDb().select().from(s.versions).where(eq(s.versions.requestId, "batch-1")).orderBy(asc(s.versions.id));
    expect(audit.map((v) => [v.docname, v.action, v.owner])).toEqual(names.map((n) => [n, "create", principals.integration().user]));
    const changed = (audit[0]!.data as { changed: [string, unknown, unknown][] }).changed;
    expect(changed).toContainEqual(["first_name", null, "Batch1"]);
    expect(changed).toContainEqual(["dob", null, "***"]);
  });

  it("refuses the whole batch, writing nothing, when one document is out of the actor's scope", async () => {
    const medical = createScopedDb(principals.medical(), { requestId: "batch-2" }, registry);
    const clientsBefore = await countRows("clients");
    const versionsBefore = await countRows("versions");
    await expect(medical.insertMany("Client", [{ body: client(6) }, { body: client(7, { department: "Program" }) }])).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await countRows("clients")).toBe(clientsBefore);
    expect(await countRows("versions")).toBe(versionsBefore);
  });

  it("a duplicate key anywhere in the batch is a DUPLICATE and writes nothing", async () => {
    const scoped = createScopedDb(principals.integration(), { requestId: "batch-3" }, registry);
    const clientsBefore = await countRows("clients");
    const versionsBefore = await countRows("versions");
    await expect(
      scoped.insertMany("Client", [
        { body: client(8), serverValues: { kipu_id: "901:1" } },
        { body: client(9), serverValues: { kipu_id: "900:1" } }, // taken by the first test
      ]),
    ).rejects.toMatchObject({ code: "DUPLICATE" });
    expect(await countRows("clients")).toBe(clientsBefore);
    expect(await countRows("versions")).toBe(versionsBefore);
  });

  it("refuses server values for fields a request could set, and child rows", async () => {
    const scoped = createScopedDb(principals.integration(), { requestId: "batch-4" }, registry);
    await expect(scoped.insertMany("Client", [{ body: client(10), serverValues: { first_name: "Sneaky" } }])).rejects.toThrow("not a server-managed field");
    await expect(scoped.insertMany("Client", [{ body: { ...client(11), program_assignments: [] } }])).rejects.toThrow("child rows");
    expect(await scoped.insertMany("Client", [])).toEqual([]);
  });
});
