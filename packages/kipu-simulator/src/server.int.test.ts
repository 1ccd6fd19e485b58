import { createHmac } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { KIPU_ACCEPT, MESSAGES } from "./auth";
import { startKipuSimulator, type KipuSimulator } from "./server";

// Requests here are signed with node:crypto directly, not with any client code.
let sim: KipuSimulator;
const creds = { accessId: "sim-test-id", secretKey: "sim-test-secret-0123456789", appId: "sim-test-app" };

function signed(pathAndQuery: string, over: { secret?: string; accessId?: string; date?: Date; accept?: string; sendUri?: string } = {}): Promise<Response> {
  const date = (over.date ?? new Date()).toUTCString();
  const signature = createHmac("sha1", over.secret ?? creds.secretKey).update(`,,${pathAndQuery},${date}`).digest("base64");
  return fetch(`${sim.url}${over.sendUri ?? pathAndQuery}`, {
    headers: { Accept: over.accept ?? KIPU_ACCEPT, Date: date, Authorization: `APIAuth ${over.accessId ?? creds.accessId}:${signature}` },
  });
}

const census = (query = "phi_level=high") => `/api/patients/census?${query}&app_id=${creds.appId}`;

beforeAll(async () => {
  sim = await startKipuSimulator({ credentials: creds, patients: 45, deleted: 3, seed: 9 });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.control.reset({ patients: 45, deleted: 3, seed: 9 });
  sim.control.setNow(null);
});

describe("authentication over HTTP", () => {
  it("accepts an independently signed request", async () => {
    const res = await signed(census("phi_level=high&page=1&per=10"));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { pagination: Record<string, string>; patients: unknown[] };
    expect(body.pagination).toEqual({ current_page: "1", total_pages: "5", records_per_page: "10", total_records: "45" });
    expect(body.patients).toHaveLength(10);
  });

  it("401s a tampered query string with a Kipu-style body", async () => {
    const res = await signed(census(), { sendUri: census("phi_level=low") });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ errors: MESSAGES.badSignature, status_code: 401 });
  });

  it("401s a wrong secret, an unknown access id and a stale Date", async () => {
    expect((await signed(census(), { secret: "not-the-secret" })).status).toBe(401);
    const unknown = await signed(census(), { accessId: "nobody" });
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toMatchObject({ errors: MESSAGES.unknownClient });
    const stale = await signed(census(), { date: new Date(Date.now() - 20 * 60_000) });
    expect(stale.status).toBe(401);
    expect(await stale.json()).toMatchObject({ errors: MESSAGES.badDate });
  });

  it("403s a wrong or missing app_id even when correctly signed", async () => {
    const res = await signed("/api/patients/census?phi_level=high&app_id=someone-else");
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ errors: MESSAGES.badRecipient, status_code: 403 });
    expect((await signed("/api/patients/census?phi_level=high")).status).toBe(403);
  });

  it("406s the wrong Accept version", async () => {
    expect((await signed(census(), { accept: "application/vnd.kipusystems+json; version=1" })).status).toBe(406);
  });
});

describe("endpoints", () => {
  it("needs phi_level on the census", async () => {
    const res = await signed(`/api/patients/census?app_id=${creds.appId}`);
    expect(res.status).toBe(400);
  });

  it("serves latest by date window, the vault, and one patient by casefile id", async () => {
    const id = sim.control.casefileIds()[0] as string;
    sim.control.setNow(new Date("2030-01-02T10:00:00Z"));
    sim.control.updatePatient(id, { program: "IOP" });
    const latest = await signed(`/api/patients/latest?start_date=2030-01-01&end_date=2030-01-02&app_id=${creds.appId}`, { date: sim.control.now() });
    expect(((await latest.json()) as { patients: { casefile_id: string }[] }).patients.map((p) => p.casefile_id)).toEqual([id]);

    const vault = await signed(`/api/vaults/patients?page=1&per=50&app_id=${creds.appId}`, { date: sim.control.now() });
    expect(((await vault.json()) as { patients: unknown[] }).patients).toHaveLength(3);

    const [pid, master] = id.split(":");
    const one = await signed(`/api/patients/${pid}?patient_master_id=${master}&phi_level=high&app_id=${creds.appId}`, { date: sim.control.now() });
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({ casefile_id: id, program: "IOP" });
    const missing = await signed(`/api/patients/${pid}?patient_master_id=00000000-0000-4000-8000-000000000000&app_id=${creds.appId}`, { date: sim.control.now() });
    expect(missing.status).toBe(404);
    const bad = await signed(`/api/patients/latest?start_date=2030-02-30&end_date=2030-03-01&app_id=${creds.appId}`, { date: sim.control.now() });
    expect(bad.status).toBe(400);
  });
});

describe("faults and the request log", () => {
  it("answers the next K requests with 5xx, then normally, and logs every attempt", async () => {
    sim.control.addFaults({ type: "status", status: 503, times: 2 });
    expect((await signed(census())).status).toBe(503);
    const gateway = await signed(census());
    expect(gateway.status).toBe(503);
    expect((await signed(census())).status).toBe(200);
    const log = sim.control.requests("/api/patients/census");
    expect(log.map((e) => e.status)).toEqual([503, 503, 200]);
    expect(log.map((e) => e.fault)).toEqual(["status 503", "status 503", null]);
    expect(JSON.stringify(log)).not.toContain(creds.appId);
  });

  it("answers 502 in HTML like a gateway would", async () => {
    sim.control.addFaults({ type: "status", status: 502 });
    const res = await signed(census());
    expect(res.status).toBe(502);
    expect(res.headers.get("content-type")).toContain("text/html");
  });

  it("rate-limits with Retry-After", async () => {
    sim.control.addFaults({ type: "rate_limit", retryAfterSeconds: 7 });
    const res = await signed(census());
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("7");
  });

  it("delays answers and drops connections", async () => {
    sim.control.addFaults({ type: "delay", ms: 300 }, { type: "disconnect" });
    const started = Date.now();
    expect((await signed(census())).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    await expect(signed(census())).rejects.toThrow();
  });

  it("disables one endpoint persistently with 410, leaving the others alone", async () => {
    sim.control.addFaults({ type: "status", status: 410, persistent: true, path: "/api/patients/latest" });
    const today = new Date().toISOString().slice(0, 10);
    for (let i = 0; i < 3; i++) expect((await signed(`/api/patients/latest?start_date=${today}&end_date=${today}&app_id=${creds.appId}`)).status).toBe(410);
    expect((await signed(census())).status).toBe(200);
    sim.control.clearFaults();
    expect((await signed(`/api/patients/latest?start_date=${today}&end_date=${today}&app_id=${creds.appId}`)).status).toBe(200);
  });
});

describe("control API over HTTP", () => {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${sim.url}${path}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it("health, reset, update, malform, soft delete, faults, requests, clock", async () => {
    expect(await call("GET", "/__sim/health")).toMatchObject({ status: 200, body: { ok: true, patients: 45, deleted: 3 } });
    expect(await call("POST", "/__sim/reset", { patients: 12, seed: 1 })).toEqual({ status: 200, body: { patients: 12, deleted: 1 } });
    const ids = (await call("GET", "/__sim/patients")).body.casefile_ids as string[];
    expect(ids).toHaveLength(12);
    const id = encodeURIComponent(ids[0] as string);
    expect((await call("PATCH", `/__sim/patients/${id}`, { set: { program: "PHP" } })).body).toMatchObject({ program: "PHP" });
    expect((await call("POST", `/__sim/patients/${id}/malform`, { kind: "unknown_status" })).body).toMatchObject({ status: "teleported" });
    expect((await call("DELETE", `/__sim/patients/${id}`)).status).toBe(200);
    expect((await call("GET", "/__sim/health")).body).toMatchObject({ patients: 11, deleted: 2 });
    expect((await call("POST", "/__sim/patients", { set: { first_name: "Nova" } })).body).toMatchObject({ first_name: "Nova" });
    expect((await call("POST", "/__sim/faults", { faults: [{ type: "status", status: 504, times: 1 }] })).body).toMatchObject({ pending: [{ status: 504 }] });
    expect((await signed(census())).status).toBe(504);
    expect((await call("GET", "/__sim/requests")).body.requests).toHaveLength(1);
    expect((await call("POST", "/__sim/faults", { faults: [{ type: "status", status: 42 }] })).status).toBe(400);
    expect((await call("POST", "/__sim/clock", { now: "2031-06-01T00:00:00Z" })).body).toEqual({ now: "2031-06-01T00:00:00.000Z" });
    expect((await call("POST", "/__sim/clock", { now: null })).status).toBe(200);
    expect((await call("PATCH", "/__sim/patients/1%3Anope", { set: {} })).status).toBe(404);
  });
});
