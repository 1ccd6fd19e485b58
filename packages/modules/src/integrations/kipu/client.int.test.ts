import { startKipuSimulator, type KipuSimulator } from "@orchestrator/kipu-simulator";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createKipuClient, type KipuClientEvent, type KipuClientOptions, type KipuPage } from "./client";
import { KipuAuthError, KipuForbiddenError, KipuGoneError, KipuNotFoundError, KipuRateLimitError, KipuServerError, type KipuError } from "./errors";
import { mapKipuPatient } from "./records";

// The client against the simulator in-process, over real HTTP on 127.0.0.1. Retry waits go through an
// injected sleep that records the delay and returns at once, so the retry tests run fast.
const creds = { accessId: "orch-it-access", secretKey: "orch-it-secret-7c1e4b9a", appId: "orch-it-recipient" };
let sim: KipuSimulator;
let sleeps: number[];
let events: KipuClientEvent[];

function client(over: Partial<KipuClientOptions> = {}) {
  return createKipuClient({
    baseUrl: sim.url,
    ...creds,
    timeoutMs: 2_000,
    maxRetries: 3,
    concurrency: 4,
    now: () => sim.control.now(),
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    onEvent: (e) => events.push(e),
    ...over,
  });
}

async function collect(pages: AsyncIterable<KipuPage>): Promise<KipuPage[]> {
  const out: KipuPage[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

async function failure(promise: Promise<unknown>): Promise<KipuError> {
  try {
    await promise;
  } catch (err) {
    return err as KipuError;
  }
  throw new Error("expected the call to fail");
}

beforeAll(async () => {
  sim = await startKipuSimulator({ credentials: creds, patients: 250, seed: 2024 });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.control.reset({ patients: 250, deleted: 6, seed: 2024 });
  sim.control.setNow(null);
  sleeps = [];
  events = [];
});

describe("census", () => {
  it("pages through 250 patients at per=100 with Kipu's string pagination", async () => {
    const pages = await collect(client().censusPages({ per: 100 }));
    expect(pages.map((p) => [p.page, p.totalPages, p.perPage, p.totalRecords, p.records.length])).toEqual([
      [1, 3, 100, 250, 100],
      [2, 3, 100, 250, 100],
      [3, 3, 100, 250, 50],
    ]);
    const ids = pages.flatMap((p) => p.records.map((r) => (r as { casefile_id: string }).casefile_id));
    expect(new Set(ids).size).toBe(250);
    expect(sim.control.requestCount("/api/patients/census")).toBe(3);
    expect(sim.control.requests().map((r) => r.query)).toContainEqual({ phi_level: "high", page: "2", per: "100" });
  });

  it("keeps at most `concurrency` requests in flight while prefetching pages", async () => {
    let inFlight = 0;
    let peak = 0;
    const counting: typeof fetch = async (input, init) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      try {
        return await fetch(input, init);
      } finally {
        inFlight -= 1;
      }
    };
    sim.control.addFaults({ type: "delay", ms: 40, persistent: true });
    const pages = await collect(client({ fetch: counting, concurrency: 2 }).censusPages({ per: 25 }));
    expect(pages).toHaveLength(10);
    expect(pages.map((p) => p.page)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(peak).toBe(2);
  });

  it("aborts prefetched requests when the consumer stops early", async () => {
    const signals: AbortSignal[] = [];
    const recording: typeof fetch = (input, init) => {
      if (init?.signal) signals.push(init.signal);
      return fetch(input, init);
    };
    sim.control.addFaults({ type: "delay", ms: 50, persistent: true });
    for await (const page of client({ fetch: recording, concurrency: 3 }).censusPages({ per: 10 })) {
      if (page.page === 2) break;
    }
    // Page 1 and 2 were consumed; pages 3 and 4 were in flight and must have been cancelled.
    expect(signals).toHaveLength(4);
    expect(signals.slice(2).every((s) => s.aborted)).toBe(true);
  });

  it("reports malformed records one by one while the rest map", async () => {
    const ids = sim.control.casefileIds();
    const bad = { [ids[3] as string]: "missing_last_name", [ids[120] as string]: "discharge_before_admission", [ids[249] as string]: "unknown_status" } as const;
    for (const [id, kind] of Object.entries(bad)) sim.control.malform(id, kind);
    const results = (await collect(client().censusPages({ per: 100 }))).flatMap((p) => p.records.map((r) => mapKipuPatient(r)));
    const errors = results.filter((r) => !r.ok);
    expect(results.filter((r) => r.ok)).toHaveLength(247);
    expect(errors.map((e) => (e.ok ? "" : `${e.kipuId} ${e.reason}`)).sort()).toEqual(
      [`${ids[3]} missing last_name`, `${ids[120]} discharge_date is before admission_date`, `${ids[249]} unknown status "teleported"`].sort(),
    );
  });
});

describe("latest, vault and one patient", () => {
  it("returns patients changed on the window's days, again in an overlapping window", async () => {
    sim.control.setNow(new Date("2031-03-10T22:00:00Z"));
    const [a, b] = sim.control.casefileIds();
    sim.control.updatePatient(a as string, { program: "IOP" });
    sim.control.advanceClock(4 * 3_600_000); // 2031-03-11 02:00
    sim.control.updatePatient(b as string, { program: "PHP" });
    const ids = async (startDate: string, endDate: string) =>
      (await collect(client().latestPages({ startDate, endDate, per: 50 }))).flatMap((p) => p.records.map((r) => (r as { casefile_id: string }).casefile_id));
    expect(await ids("2031-03-10", "2031-03-10")).toEqual([a]);
    expect(await ids("2031-03-10", "2031-03-11")).toEqual([a, b]);
    expect(await ids("2031-03-11", "2031-03-12")).toEqual([b]);
    await expect(client().latest({ startDate: "2031-03-12", endDate: "2031-03-11" })).rejects.toThrow(RangeError);
  });

  it("lists soft-deleted patients and reads one patient by casefile id", async () => {
    const id = sim.control.casefileIds()[7] as string;
    sim.control.softDelete(id);
    const vault = (await collect(client().deletedPatientsPages({ per: 5 }))).flatMap((p) => p.records);
    expect(vault).toHaveLength(7);
    const removed = vault.map((r) => mapKipuPatient(r)).find((r) => r.ok && r.kipuId === id);
    expect(removed).toMatchObject({ ok: true, deletedAt: expect.any(String) });

    const other = sim.control.casefileIds()[0] as string;
    const one = mapKipuPatient(await client().patient(other));
    expect(one).toMatchObject({ ok: true, kipuId: other });
    const gone = await failure(client().patient(id));
    expect(gone).toBeInstanceOf(KipuNotFoundError);
    expect(gone.endpoint).toBe("/api/patients/:patient_id");
    await expect(client().patient("not-a-casefile")).rejects.toThrow(RangeError);
  });
});

describe("errors and retries", () => {
  it("wrong secret: KipuAuthError with Kipu's message, never retried", async () => {
    const err = await failure(client({ secretKey: "not-the-secret" }).census({ per: 10 }));
    expect(err).toBeInstanceOf(KipuAuthError);
    expect(err.status).toBe(401);
    expect(err.kipuMessage).toBe("Access Denied - API Client app failed to authenticate");
    expect(err.retryable).toBe(false);
    expect(sim.control.requestCount()).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it("wrong app_id: KipuForbiddenError (the source stops), not retried", async () => {
    const err = await failure(client({ appId: "someone-else" }).census());
    expect(err).toBeInstanceOf(KipuForbiddenError);
    expect(err.kipuMessage).toBe("Access Denied - Invalid or Missing Recipient");
    expect(sim.control.requestCount()).toBe(1);
  });

  it("503 twice, then success: retried with backoff and completes", async () => {
    sim.control.addFaults({ type: "status", status: 503, times: 2 });
    const page = await client({ baseDelayMs: 100 }).census({ per: 100 });
    expect(page.records).toHaveLength(100);
    expect(sim.control.requests().map((r) => r.status)).toEqual([503, 503, 200]);
    // Full jitter with random() = 0.5: half of 100·2^0, then half of 100·2^1.
    expect(sleeps).toEqual([50, 100]);
    expect(events.filter((e) => e.type === "retry").map((e) => e.type === "retry" && [e.reason, e.status])).toEqual([
      ["server", 503],
      ["server", 503],
    ]);
  });

  it("502 (HTML) and 504 are retried as well", async () => {
    sim.control.addFaults({ type: "status", status: 502 }, { type: "status", status: 504 }, { type: "status", status: 500 });
    await client().census();
    expect(sim.control.requests().map((r) => r.status)).toEqual([502, 504, 500, 200]);
  });

  it("gives up after maxRetries with a KipuServerError", async () => {
    sim.control.addFaults({ type: "status", status: 503, persistent: true });
    const err = await failure(client({ maxRetries: 2 }).census());
    expect(err).toBeInstanceOf(KipuServerError);
    expect(err.attempts).toBe(3);
    expect(sim.control.requestCount()).toBe(3);
  });

  it("429 honours Retry-After", async () => {
    sim.control.addFaults({ type: "rate_limit", retryAfterSeconds: 7 });
    await client().census();
    expect(sleeps).toEqual([7000]);
    expect(sim.control.requestCount()).toBe(2);
  });

  it("429 asking for more than maxRetryAfterMs fails at once, saying when to come back", async () => {
    sim.control.addFaults({ type: "rate_limit", retryAfterSeconds: 900 });
    const err = await failure(client({ maxRetryAfterMs: 60_000 }).census());
    expect(err).toBeInstanceOf(KipuRateLimitError);
    expect((err as KipuRateLimitError).retryAfterMs).toBe(900_000);
    expect(sim.control.requestCount()).toBe(1);
  });

  it("an answer slower than the timeout is abandoned and retried", async () => {
    sim.control.addFaults({ type: "delay", ms: 600 });
    const page = await client({ timeoutMs: 150 }).census({ per: 10 });
    expect(page.records).toHaveLength(10);
    expect(sim.control.requestCount()).toBe(2);
    expect(events.find((e) => e.type === "retry")).toMatchObject({ reason: "timeout", status: null });
  });

  it("a dropped connection is retried", async () => {
    sim.control.addFaults({ type: "disconnect" });
    await client().census();
    expect(events.find((e) => e.type === "retry")).toMatchObject({ reason: "network" });
  });

  it("410: KipuGoneError for that endpoint, not retried", async () => {
    sim.control.addFaults({ type: "status", status: 410, persistent: true, path: "/api/patients/latest" });
    const err = await failure(client().latest({ startDate: "2025-01-01", endDate: "2025-01-02" }));
    expect(err).toBeInstanceOf(KipuGoneError);
    expect(err.endpoint).toBe("/api/patients/latest");
    expect(sim.control.requestCount()).toBe(1);
    await expect(client().census({ per: 1 })).resolves.toMatchObject({ totalRecords: 250 });
  });

  it("an abort from the caller stops retrying", async () => {
    sim.control.addFaults({ type: "status", status: 503, persistent: true });
    const ctrl = new AbortController();
    const c = client({
      sleep: async () => {
        ctrl.abort(new Error("shutting down"));
      },
    });
    await expect(c.census({ signal: ctrl.signal })).rejects.toThrow("shutting down");
    expect(sim.control.requestCount()).toBe(1);
  });
});

describe("digest, health and hygiene", () => {
  it("signs with HMAC-SHA256 under APIAuth-HMAC-SHA256 when configured", async () => {
    await expect(client({ digest: "sha256" }).census({ per: 1 })).resolves.toMatchObject({ totalRecords: 250 });
  });

  it("health reports ok with the census size, or the failure without throwing", async () => {
    await expect(client().health()).resolves.toMatchObject({ ok: true, totalPatients: 250 });
    expect(sim.control.requests()[0]?.query).toEqual({ phi_level: "low", page: "1", per: "1" });
    const bad = await client({ secretKey: "nope" }).health();
    expect(bad).toMatchObject({ ok: false, error: { kind: "auth", status: 401, endpoint: "/api/patients/census" } });
  });

  it("errors and events never carry the secret, signature, app_id, query strings or patient data", async () => {
    sim.control.addFaults({ type: "status", status: 503 }, { type: "rate_limit", retryAfterSeconds: 1 });
    const first = await client().census({ per: 5 });
    const someName = (first.records[0] as { last_name: string }).last_name;
    const err = await failure(client({ secretKey: "wrong-secret-value" }).patient(sim.control.casefileIds()[0] as string));
    const text = JSON.stringify({ events, err: err.toJSON(), message: err.message });
    for (const secret of [creds.secretKey, "wrong-secret-value", creds.appId, creds.accessId, "APIAuth", "app_id", "patient_master_id", someName, "?"]) {
      expect(text).not.toContain(secret);
    }
  });
});
