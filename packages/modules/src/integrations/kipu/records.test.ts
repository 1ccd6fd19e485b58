import { describe, expect, it } from "vitest";
import { kipuDay, mapKipuPatient } from "./records";

const TODAY = "2025-06-01";
const ID = "10042:3f2a9c1e-5b7d-4e8f-9a01-23456789abcd";

// Shaped like a Kipu census record (invented person), including fields we do not map.
const record = (over: Record<string, unknown> = {}) => ({
  casefile_id: ID,
  first_name: " Mara ",
  middle_name: "J",
  last_name: "Thistlewood",
  dob: "1988-04-12",
  gender: "Female",
  mr_number: "MR-0010042",
  status: "admitted",
  admission_date: "2025-05-20T14:30:00.000-07:00",
  discharge_date: null,
  discharge_type: null,
  sobriety_date: "2025-05-18",
  program: "Adult Residential",
  insurances: [{ insurance_company: "Blue Harbor Health", priority: "primary" }],
  last_updated_at: "2025-05-21T09:15:00.000Z",
  ...over,
});

const map = (over: Record<string, unknown> = {}) => mapKipuPatient(record(over), { today: TODAY });
const reasonsOf = (over: Record<string, unknown>) => {
  const r = map(over);
  return r.ok ? [] : r.reasons;
};

describe("mapKipuPatient: good records", () => {
  it("maps into Client fields, trimming names and taking the local date of datetimes", () => {
    expect(map()).toEqual({
      ok: true,
      kipuId: ID,
      lastUpdatedAt: "2025-05-21T09:15:00.000Z",
      deletedAt: null,
      values: { first_name: "Mara", last_name: "Thistlewood", dob: "1988-04-12", status: "active", admission_date: "2025-05-20", discharge_date: null, kipu_id: ID },
    });
  });

  it("maps Kipu's states (and spellings of them) to pending/active/discharged", () => {
    const status = (s: string) => {
      const r = map({ status: s, discharge_date: s.toLowerCase().startsWith("disch") ? "2025-05-30" : null });
      return r.ok ? r.values.status : r.reason;
    };
    expect(["pre_admission", "Pre-Admission", "admitted", "In Treatment", "Discharged"].map(status)).toEqual(["pending", "pending", "active", "active", "discharged"]);
  });

  it("derives the status from the dates when Kipu sends none", () => {
    const status = (over: Record<string, unknown>) => {
      const r = map({ status: null, ...over });
      return r.ok ? r.values.status : r.reason;
    };
    expect(status({})).toBe("active");
    expect(status({ discharge_date: "2025-05-25" })).toBe("discharged");
    expect(status({ admission_date: "2025-06-10" })).toBe("pending");
    expect(status({ admission_date: null })).toBe("pending");
  });

  it("ignores unknown extra fields and keeps the vault's deleted_at", () => {
    const r = map({ brand_new_field: { nested: true }, deleted_at: "2025-05-30T10:00:00Z" });
    expect(r).toMatchObject({ ok: true, deletedAt: "2025-05-30T10:00:00.000Z" });
    expect(JSON.stringify(r)).not.toContain("brand_new_field");
    expect(JSON.stringify(r)).not.toContain("MR-0010042");
  });

  it("accepts a missing dob (the Client field is optional)", () => {
    expect(map({ dob: null })).toMatchObject({ ok: true, values: { dob: null } });
  });
});

describe("mapKipuPatient: malformed records", () => {
  it("reports missing names", () => {
    expect(reasonsOf({ last_name: null })).toEqual(["missing last_name"]);
    expect(reasonsOf({ first_name: "   " })).toEqual(["missing first_name"]);
    expect(reasonsOf({ first_name: "x".repeat(141) })).toEqual(["first_name longer than 140 characters"]);
  });

  it("reports impossible dates", () => {
    expect(reasonsOf({ discharge_date: "2025-05-10", status: "discharged" })).toEqual(["discharge_date is before admission_date"]);
    expect(reasonsOf({ dob: "1987-02-30" })).toEqual(["dob is not a valid date"]);
    expect(reasonsOf({ dob: "2030-01-01" })).toEqual(["dob is in the future", "admission_date is before dob"]);
    expect(reasonsOf({ dob: "1850-01-01" })).toEqual(["dob is before 1900"]);
    expect(reasonsOf({ admission_date: "last tuesday" })).toEqual(["admission_date is not a valid date"]);
  });

  it("reports an unknown status without echoing anything odd", () => {
    expect(reasonsOf({ status: "teleported" })).toEqual(['unknown status "teleported"']);
    expect(reasonsOf({ status: "<script>" })[0]).toBe('unknown status "?script?"');
  });

  it("reports a missing change marker and wrong types", () => {
    expect(reasonsOf({ last_updated_at: null })).toEqual(["missing or invalid last_updated_at"]);
    expect(reasonsOf({ last_updated_at: "yesterday" })).toEqual(["missing or invalid last_updated_at"]);
    expect(reasonsOf({ first_name: 42 })).toEqual(["first_name: wrong type"]);
  });

  it("collects every reason of one record, with its kipuId, and no patient data", () => {
    const r = map({ last_name: "", status: "teleported", discharge_date: "2025-01-01" });
    expect(r).toMatchObject({ ok: false, kipuId: ID });
    if (r.ok) return;
    expect(r.reasons).toEqual(["missing last_name", "discharge_date is before admission_date", 'unknown status "teleported"']);
    expect(r.reason).toBe(r.reasons.join("; "));
    expect(r.reason).not.toMatch(/Mara|1988|2025/);
  });

  it("has no kipuId when the casefile id itself is bad", () => {
    expect(mapKipuPatient({ ...record(), casefile_id: "abc" })).toEqual({ ok: false, reason: "missing or malformed casefile_id", reasons: ["missing or malformed casefile_id"] });
    expect(mapKipuPatient(null)).toMatchObject({ ok: false, reason: "record is not an object" });
    expect(mapKipuPatient([record()])).toMatchObject({ ok: false });
  });
});

describe("kipuDay", () => {
  it("reads dates and datetimes, refuses non-days", () => {
    expect(kipuDay("2024-02-29")).toBe("2024-02-29");
    expect(kipuDay("2024-02-29T23:59:00-07:00")).toBe("2024-02-29");
    expect(kipuDay("2023-02-29")).toBe("invalid");
    expect(kipuDay("02/03/2024")).toBe("invalid");
    expect(kipuDay("")).toBeNull();
    expect(kipuDay(undefined)).toBeNull();
  });
});
