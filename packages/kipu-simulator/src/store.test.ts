import { describe, expect, it } from "vitest";
import { generatePopulation } from "./seed";
import { PatientStore, SimClock } from "./store";

const NOW = new Date("2025-03-15T12:00:00Z");

function storeWith(count: number, deleted = 0, seed = 7): PatientStore {
  const clock = new SimClock();
  clock.set(NOW);
  const store = new PatientStore(clock);
  store.reset({ seed, count, deleted });
  return store;
}

describe("seeded population", () => {
  it("is deterministic for a seed and clock, and differs across seeds", () => {
    const a = generatePopulation({ seed: 3, count: 50, deleted: 2, nowMs: NOW.getTime() });
    const b = generatePopulation({ seed: 3, count: 50, deleted: 2, nowMs: NOW.getTime() });
    const c = generatePopulation({ seed: 4, count: 50, deleted: 2, nowMs: NOW.getTime() });
    expect(a).toEqual(b);
    expect(c.map((p) => p.data.casefile_id)).not.toEqual(a.map((p) => p.data.casefile_id));
  });

  it("looks like a treatment centre: admitted, discharged and pre-admission patients with consistent dates", () => {
    const all = generatePopulation({ seed: 11, count: 400, deleted: 0, nowMs: NOW.getTime() });
    const statuses = new Set(all.map((p) => p.data.status));
    expect(statuses).toEqual(new Set(["admitted", "discharged", "pre_admission"]));
    for (const { data } of all) {
      expect(data.casefile_id).toMatch(/^\d+:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(data.first_name?.length).toBeGreaterThan(0);
      expect(data.last_name?.length).toBeGreaterThan(0);
      expect(data.dob).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Date.parse(data.last_updated_at)).toBeLessThanOrEqual(NOW.getTime());
      if (data.discharge_date) expect(data.discharge_date >= (data.admission_date ?? "")).toBe(true);
      expect(Boolean(data.discharge_date)).toBe(data.status === "discharged");
    }
    expect(new Set(all.map((p) => p.data.casefile_id)).size).toBe(400);
  });

  it("scales to 10,000+ patients", () => {
    const store = storeWith(12_000, 100);
    expect(store.counts()).toEqual({ patients: 12_000, deleted: 100 });
    expect(store.census(120, 100, "high").patients).toHaveLength(100);
  });
});

describe("census pagination", () => {
  it("pages with string-valued pagination and caps per at 100", () => {
    const store = storeWith(250);
    const first = store.census(1, 100, "high");
    expect(first.pagination).toEqual({ current_page: "1", total_pages: "3", records_per_page: "100", total_records: "250" });
    expect(store.census(3, 100, "high").patients).toHaveLength(50);
    expect(store.census(4, 100, "high").patients).toHaveLength(0);
    expect(store.census(1, 500, "high").pagination).toMatchObject({ records_per_page: "100", total_pages: "3" });
    const ids = [1, 2, 3].flatMap((p) => store.census(p, 100, "high").patients.map((x) => x.casefile_id));
    expect(new Set(ids).size).toBe(250);
  });

  it("leaves soft-deleted patients out of the census and lists them in the vault", () => {
    const store = storeWith(30, 4);
    expect(store.census(1, 100, "high").pagination.total_records).toBe("30");
    const vault = store.vault(1, 100);
    expect(vault.patients).toHaveLength(4);
    expect(vault.patients.every((p) => typeof p.deleted_at === "string")).toBe(true);
    const id = store.casefileIds()[0] as string;
    store.softDelete(id);
    expect(store.census(1, 100, "high").pagination.total_records).toBe("29");
    expect(store.vault(1, 100).patients.map((p) => p.casefile_id)).toContain(id);
  });

  it("de-identifies at phi_level=low", () => {
    const p = storeWith(3).census(1, 10, "low").patients[0];
    expect(p).toMatchObject({ first_name: null, last_name: null, dob: null });
    expect(p?.casefile_id).toBeTruthy();
  });
});

describe("latest (date-granular windows on last_updated_at)", () => {
  it("returns exactly the patients updated on the window's days, inclusive, and again in an overlapping window", () => {
    const store = storeWith(40);
    const [a, b] = store.casefileIds();
    store.clock.set(new Date("2025-03-20T23:59:00Z"));
    store.update(a as string, { set: { program: "Detox" } });
    store.clock.set(new Date("2025-03-21T00:01:00Z"));
    store.update(b as string, { set: { program: "IOP" } });
    const ids = (s: string, e: string) => store.latest(s, e, 1, 100, "high").patients.map((p) => p.casefile_id);
    expect(ids("2025-03-20", "2025-03-20")).toEqual([a]);
    expect(ids("2025-03-21", "2025-03-21")).toEqual([b]);
    expect(ids("2025-03-20", "2025-03-21")).toEqual([a, b]);
    // Overlapping incremental windows see the same unchanged record again.
    expect(ids("2025-03-19", "2025-03-20")).toContain(a);
    expect(ids("2025-03-20", "2025-03-22")).toContain(a);
    expect(ids("2025-03-22", "2025-03-23")).toEqual([]);
  });

  it("keeps soft-deleted patients out", () => {
    const store = storeWith(5);
    const [a] = store.casefileIds();
    store.clock.set(new Date("2025-04-01T10:00:00Z"));
    store.update(a as string, { set: { program: "Detox" } });
    store.softDelete(a as string);
    expect(store.latest("2025-04-01", "2025-04-01", 1, 100, "high").patients).toEqual([]);
  });
});

describe("mutations", () => {
  it("update bumps last_updated_at and can unset fields; identity is preserved", () => {
    const store = storeWith(3);
    const id = store.casefileIds()[0] as string;
    store.clock.set(new Date("2025-05-01T08:00:00Z"));
    const after = store.update(id, { set: { program: "IOP", casefile_id: "1:evil" }, unset: ["middle_name"] });
    expect(after).toMatchObject({ casefile_id: id, program: "IOP", last_updated_at: "2025-05-01T08:00:00.000Z" });
    expect("middle_name" in after).toBe(false);
  });

  it("malformations are the data errors the sync must report", () => {
    const store = storeWith(6);
    const ids = store.casefileIds();
    expect(store.malform(ids[0] as string, "missing_last_name").last_name).toBeNull();
    expect(store.malform(ids[1] as string, "unknown_status").status).toBe("teleported");
    expect(store.malform(ids[2] as string, "impossible_dob").dob).toBe("1987-02-30");
    const d = store.malform(ids[3] as string, "discharge_before_admission");
    expect((d.discharge_date ?? "") < (d.admission_date ?? "")).toBe(true);
  });

  it("creates new admissions deterministically after the seeded ones", () => {
    const a = storeWith(5);
    const b = storeWith(5);
    expect(a.create().casefile_id).toBe(b.create().casefile_id);
    expect(a.counts().patients).toBe(6);
  });
});
