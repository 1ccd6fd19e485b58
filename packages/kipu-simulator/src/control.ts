import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { FaultQueue } from "./faults";
import { BadRequest, readJsonBody, sendJson } from "./http";
import { SimNotFound, type PatientStore } from "./store";
import type { FaultSpec, KipuPatientJson, MalformKind, SimRequestLogEntry } from "./types";

/**
 * The control surface for tests and the demo. In-process callers use `SimControl` directly; other
 * processes use the same operations over HTTP under `/__sim/` (a prefix the real Kipu does not have,
 * no authentication, so the server binds to 127.0.0.1 only by default).
 */
export interface SimControl {
  /** Reseeds: `patients` in the census plus `deleted` in the vault, from `seed`. Clears faults and the log. */
  reset(opts?: { patients?: number; deleted?: number; seed?: number }): { patients: number; deleted: number };
  counts(): { patients: number; deleted: number };
  casefileIds(opts?: { deleted?: boolean }): string[];
  /** The stored Kipu JSON of one patient (census or vault), or undefined. */
  patient(casefileId: string): KipuPatientJson | undefined;
  updatePatient(casefileId: string, set: Record<string, unknown>, unset?: string[]): KipuPatientJson;
  createPatient(set?: Record<string, unknown>): KipuPatientJson;
  softDelete(casefileId: string): void;
  malform(casefileId: string, kind: MalformKind): KipuPatientJson;
  addFaults(...faults: FaultSpec[]): void;
  clearFaults(): void;
  pendingFaults(): FaultSpec[];
  /** API requests seen (not control calls), oldest first; filter by path prefix. */
  requests(pathPrefix?: string): SimRequestLogEntry[];
  requestCount(pathPrefix?: string): number;
  clearRequests(): void;
  /** Pins the simulator's clock (null = real time again); `advanceClock` shifts it. */
  setNow(now: Date | null): void;
  advanceClock(ms: number): void;
  now(): Date;
}

export interface ControlDeps {
  store: PatientStore;
  faults: FaultQueue;
  log: SimRequestLogEntry[];
  defaults: { patients: number; deleted: number; seed: number };
}

export function createControl(deps: ControlDeps): SimControl {
  const { store, faults, log } = deps;
  const matching = (prefix?: string) => log.filter((e) => !prefix || e.path.startsWith(prefix));
  return {
    reset(opts = {}) {
      const patients = opts.patients ?? deps.defaults.patients;
      const deleted = opts.deleted ?? (opts.patients === undefined ? deps.defaults.deleted : Math.ceil(patients / 25));
      store.reset({ seed: opts.seed ?? deps.defaults.seed, count: patients, deleted });
      faults.clear();
      log.length = 0;
      return store.counts();
    },
    counts: () => store.counts(),
    casefileIds: (opts) => store.casefileIds(opts),
    patient: (id) => store.snapshot(id),
    updatePatient: (id, set, unset) => store.update(id, { set, unset }),
    createPatient: (set) => store.create(set),
    softDelete: (id) => store.softDelete(id),
    malform: (id, kind) => store.malform(id, kind),
    addFaults: (...specs) => faults.add(specs),
    clearFaults: () => faults.clear(),
    pendingFaults: () => faults.pending(),
    requests: (prefix) => matching(prefix).map((e) => ({ ...e, query: { ...e.query } })),
    requestCount: (prefix) => matching(prefix).length,
    clearRequests: () => {
      log.length = 0;
    },
    setNow: (now) => store.clock.set(now),
    advanceClock: (ms) => store.clock.advance(ms),
    now: () => new Date(store.clock.nowMs()),
  };
}

const optionalPath = z.string().startsWith("/").optional();
const repeat = { times: z.number().int().min(1).optional(), persistent: z.boolean().optional(), path: optionalPath };
const faultSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("status"), status: z.number().int().min(400).max(599), message: z.string().max(200).optional(), ...repeat }),
  z.object({ type: z.literal("rate_limit"), retryAfterSeconds: z.number().int().min(0).max(3600), ...repeat }),
  z.object({ type: z.literal("delay"), ms: z.number().int().min(0).max(120_000), ...repeat }),
  z.object({ type: z.literal("disconnect"), ...repeat }),
]);
const resetSchema = z.object({ patients: z.number().int().min(0).max(200_000).optional(), deleted: z.number().int().min(0).max(200_000).optional(), seed: z.number().int().optional() });
const updateSchema = z.object({ set: z.record(z.string(), z.unknown()).optional(), unset: z.array(z.string()).optional() });
const malformSchema = z.object({ kind: z.enum(["missing_last_name", "missing_first_name", "discharge_before_admission", "impossible_dob", "unknown_status", "not_a_date"]) });
const clockSchema = z.object({ now: z.iso.datetime({ offset: true }).nullable().optional(), advanceMs: z.number().int().optional() });

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new BadRequest(result.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
  return result.data;
}

/**
 *   GET    /__sim/health                      → { ok, patients, deleted, now }
 *   POST   /__sim/reset {patients?, deleted?, seed?}
 *   GET    /__sim/patients[?deleted=1]        → { casefile_ids }
 *   POST   /__sim/patients {set?}             → the new patient (a new admission)
 *   PATCH  /__sim/patients/:casefile {set?, unset?}   (bumps last_updated_at)
 *   DELETE /__sim/patients/:casefile          (soft delete → vault)
 *   POST   /__sim/patients/:casefile/malform {kind}
 *   POST   /__sim/faults {faults: FaultSpec[]}; GET / DELETE /__sim/faults
 *   GET    /__sim/requests[?path=/api/...]; DELETE /__sim/requests
 *   POST   /__sim/clock {now?: ISO | null, advanceMs?}
 */
export async function handleControl(req: IncomingMessage, res: ServerResponse, control: SimControl): Promise<void> {
  const url = new URL(req.url ?? "/", "http://simulator.local");
  const method = req.method ?? "GET";
  const path = url.pathname.replace(/\/+$/, "");
  try {
    if (path === "/__sim/health" && method === "GET") return sendJson(res, 200, { ok: true, ...control.counts(), now: control.now().toISOString() });
    if (path === "/__sim/reset" && method === "POST") return sendJson(res, 200, control.reset(parse(resetSchema, await readJsonBody(req))));
    if (path === "/__sim/patients" && method === "GET") return sendJson(res, 200, { casefile_ids: control.casefileIds({ deleted: url.searchParams.get("deleted") === "1" }) });
    if (path === "/__sim/patients" && method === "POST") return sendJson(res, 201, control.createPatient(parse(updateSchema, await readJsonBody(req)).set));
    const one = /^\/__sim\/patients\/([^/]+)(\/malform)?$/.exec(path);
    if (one) {
      const id = decodeURIComponent(one[1] ?? "");
      if (one[2] && method === "POST") return sendJson(res, 200, control.malform(id, parse(malformSchema, await readJsonBody(req)).kind));
      if (!one[2] && method === "PATCH") {
        const body = parse(updateSchema, await readJsonBody(req));
        return sendJson(res, 200, control.updatePatient(id, body.set ?? {}, body.unset));
      }
      if (!one[2] && method === "DELETE") {
        control.softDelete(id);
        return sendJson(res, 200, { ok: true });
      }
      if (!one[2] && method === "GET") {
        const p = control.patient(id);
        return p ? sendJson(res, 200, p) : sendJson(res, 404, { error: "no such patient" });
      }
    }
    if (path === "/__sim/faults") {
      if (method === "POST") {
        const body = parse(z.object({ faults: z.array(faultSchema).min(1) }), await readJsonBody(req));
        control.addFaults(...body.faults);
        return sendJson(res, 200, { pending: control.pendingFaults() });
      }
      if (method === "GET") return sendJson(res, 200, { pending: control.pendingFaults() });
      if (method === "DELETE") {
        control.clearFaults();
        return sendJson(res, 200, { ok: true });
      }
    }
    if (path === "/__sim/requests") {
      if (method === "GET") return sendJson(res, 200, { requests: control.requests(url.searchParams.get("path") ?? undefined) });
      if (method === "DELETE") {
        control.clearRequests();
        return sendJson(res, 200, { ok: true });
      }
    }
    if (path === "/__sim/clock" && method === "POST") {
      const body = parse(clockSchema, await readJsonBody(req));
      if (body.now !== undefined) control.setNow(body.now === null ? null : new Date(body.now));
      if (body.advanceMs) control.advanceClock(body.advanceMs);
      return sendJson(res, 200, { now: control.now().toISOString() });
    }
    return sendJson(res, 404, { error: `no control route ${method} ${path}` });
  } catch (err) {
    if (err instanceof BadRequest) return sendJson(res, 400, { error: err.message });
    if (err instanceof SimNotFound) return sendJson(res, 404, { error: err.message });
    throw err;
  }
}
