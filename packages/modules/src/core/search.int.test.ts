import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { countStatements, type Principal } from "@orchestrator/db";
import { closeDatabase, schema, unsafeSystemDb } from "@orchestrator/db/system";
import { seedDemo } from "@orchestrator/db/testing";
import { count } from "drizzle-orm";
import { createCaller } from "../root";
import { contextFor } from "../trpc/context";
import { demoPrincipals, principalFor } from "../testing/principals";

const caller = (p: Principal) => createCaller(contextFor(p, { requestId: "search-test" }));
const search = (p: Principal, q: string, limit?: number) => caller(p).core.search(limit === undefined ? { q } : { q, limit });

/** Client name → department, from the seed (odd-numbered clients are Medical, even Program). */
const departmentOf = new Map<string, string>();
/** A plain-ASCII surname that clients of both departments have. */
let sharedSurname = "";

async function accessLogRows(): Promise<number> {
  const [row] = await unsafeSystemDb().select({ n: count() }).from(schema.accessLog);
  return Number(row?.n ?? 0);
}

beforeAll(async () => {
  await seedDemo(unsafeSystemDb(), { passwordHash: "x", clientCount: 40 });
  const rows = await unsafeSystemDb().select({ name: schema.clients.name, lastName: schema.clients.lastName, department: schema.clients.department }).from(schema.clients);
  const bySurname = new Map<string, Set<string>>();
  for (const r of rows) {
    departmentOf.set(r.name, r.department);
    bySurname.set(r.lastName, (bySurname.get(r.lastName) ?? new Set()).add(r.department));
  }
  sharedSurname = [...bySurname].find(([name, depts]) => depts.size === 2 && /^[A-Za-z]+$/.test(name))?.[0] ?? "";
  expect(sharedSurname, "the seed has a surname in both departments").not.toBe("");
});
afterAll(async () => { await closeDatabase(); });

const departmentsOf = (hits: { name: string }[]) => new Set(hits.map((h) => departmentOf.get(h.name)));

describe("core.search: clients through the caller's scope", () => {
  it("a Medical user finds only Medical clients, a Program user only Program ones, an admin both", async () => {
    const q = sharedSurname.toLowerCase(); // case-insensitive
    const medical = (await search(demoPrincipals.medical(), q, 10)).clients;
    const program = (await search(demoPrincipals.program(), q, 10)).clients;
    const admin = (await search(demoPrincipals.admin(), q, 10)).clients;
    expect(medical.length).toBeGreaterThan(0);
    expect(program.length).toBeGreaterThan(0);
    expect(departmentsOf(medical)).toEqual(new Set(["Medical"]));
    expect(departmentsOf(program)).toEqual(new Set(["Program"]));
    expect(departmentsOf(admin)).toEqual(new Set(["Medical", "Program"]));
    for (const hit of admin) expect(hit.last_name).toBe(sharedSurname);
    expect(new Set(admin.map((h) => h.name))).toEqual(new Set([...medical, ...program].map((h) => h.name)));
  });

  it("finds a client by ID prefix, only within scope", async () => {
    expect((await search(demoPrincipals.admin(), "cl-00012")).clients.map((h) => h.name)).toEqual(["CL-00012"]);
    expect((await search(demoPrincipals.program(), "CL-00012")).clients.map((h) => h.name)).toEqual(["CL-00012"]);
    expect((await search(demoPrincipals.medical(), "CL-00012")).clients).toEqual([]);
    expect((await search(demoPrincipals.medical(), "CL-00011")).clients.map((h) => h.name)).toEqual(["CL-00011"]);
  });

  it("two words match first and last name in either order", async () => {
    const [target] = (await search(demoPrincipals.admin(), sharedSurname, 1)).clients;
    expect(target).toBeDefined();
    const firstLast = (await search(demoPrincipals.admin(), `${target!.first_name} ${target!.last_name}`, 10)).clients;
    const lastFirst = (await search(demoPrincipals.admin(), `${target!.last_name}, ${target!.first_name.slice(0, 2)}`, 10)).clients;
    for (const hits of [firstLast, lastFirst]) {
      expect(hits.map((h) => h.name)).toContain(target!.name);
      for (const h of hits) expect(h.last_name).toBe(target!.last_name);
    }
  });

  it("returns the list fields the palette shows, and nothing else", async () => {
    const [hit] = (await search(demoPrincipals.admin(), "CL-00001")).clients;
    expect(Object.keys(hit ?? {}).sort()).toEqual(["first_name", "last_name", "name", "status"]);
  });

  it("caps the result count: default 8, at most 10, more is refused", async () => {
    const admin = demoPrincipals.admin();
    expect((await search(admin, "CL-")).clients).toHaveLength(8);
    expect((await search(admin, "CL-", 10)).clients).toHaveLength(10);
    expect((await search(admin, "CL-", 3)).clients).toHaveLength(3);
    const error = await search(admin, "CL-", 11).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
  });

  it("a query under 2 characters returns nothing without touching the database", async () => {
    for (const q of ["", " ", "C", " s ", "1"]) {
      const { result, statements } = await countStatements(() => search(demoPrincipals.admin(), q));
      expect(result.clients, JSON.stringify(q)).toEqual([]);
      expect(statements, JSON.stringify(q)).toBe(0);
    }
  });

  it("one search is one SQL statement and writes nothing to the access log (as the list)", async () => {
    const before = await accessLogRows();
    const { result, statements } = await countStatements(() => search(demoPrincipals.medical(), "CL-0", 10));
    expect(result.clients).toHaveLength(10);
    expect(statements).toBe(1);
    expect(await accessLogRows()).toBe(before);
  });

  it("a user who may not read clients gets an empty client section, not an error", async () => {
    const nobody: Principal = { ...principalFor("Medical Staff", ["Medical"], "no-clients@test.local"), roles: [], grants: {} };
    const { result, statements } = await countStatements(() => search(nobody, "CL-0"));
    expect(result.clients).toEqual([]);
    expect(statements).toBe(0);
  });

  it("LIKE wildcards in the query are matched literally", async () => {
    expect((await search(demoPrincipals.admin(), "%%")).clients).toEqual([]);
    expect((await search(demoPrincipals.admin(), "__")).clients).toEqual([]);
  });
});
