import type { IncomingMessage, ServerResponse } from "node:http";
import { verifyAccept, verifyApiAuth, verifyAppId, type SimCredentials } from "./auth";
import { describeFault, reasonPhrase, type FaultQueue } from "./faults";
import { sendHtml, sendJson, sendKipuError } from "./http";
import { applyPhiLevel, DEFAULT_PER, type PatientStore } from "./store";
import type { SimRequestLogEntry } from "./types";

/**
 * Kipu's patient endpoints as the simulator serves them (all GET, all under /api):
 *   /api/patients/census        phi_level required; page, per           → { pagination, patients }
 *   /api/patients/latest        start_date, end_date (YYYY-MM-DD) req.  → { pagination, patients }
 *   /api/vaults/patients        page, per (soft-deleted patients)       → { pagination, patients }
 *   /api/patients/:patient_id   patient_master_id required               → the patient object
 * Sources: pypi kipu-python 0.0.1 kipu/client.py (paths and their params: census "phi_level, page, per",
 * latest "patients with updated_at within a date range", vaults "soft-deleted patients"); Kipu swagger
 * excerpts quoted in public integrations (pagination object with string values current_page,
 * total_pages, records_per_page, total_records; patient_master_id "Patient Master UUID (NOT ID)").
 * Assumed: the `patients` list key on all three lists, a bare object for one patient, 400 for missing
 * or invalid parameters, a default page size of 20 capped at 100, and the latest window compared on
 * UTC days of `last_updated_at`.
 */

export interface ApiContext {
  store: PatientStore;
  faults: FaultQueue;
  credentials: SimCredentials;
  signatureFailureStatus: number;
  log: SimRequestLogEntry[];
  nextSeq: () => number;
  /** Timers the server must cancel on close (delayed answers). */
  timers: Set<NodeJS.Timeout>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function positiveInt(value: string | null, fallback: number): number | null {
  if (value === null || value === "") return fallback;
  if (!/^\d+$/.test(value)) return null;
  const n = Number(value);
  return n >= 1 ? n : null;
}

function isCalendarDay(s: string): boolean {
  if (!DAY.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function delay(ctx: ApiContext, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(() => {
      ctx.timers.delete(t);
      resolve();
    }, ms);
    ctx.timers.add(t);
  });
}

export async function handleApi(req: IncomingMessage, res: ServerResponse, ctx: ApiContext): Promise<void> {
  const rawUrl = req.url ?? "/";
  const url = new URL(rawUrl, "http://simulator.local");
  const query = Object.fromEntries([...url.searchParams].filter(([k]) => k !== "app_id"));
  const entry: SimRequestLogEntry = { seq: ctx.nextSeq(), at: new Date(ctx.store.clock.nowMs()).toISOString(), method: req.method ?? "GET", path: url.pathname, query, status: null, fault: null };
  ctx.log.push(entry);
  res.on("finish", () => {
    entry.status = res.statusCode;
  });

  const fault = ctx.faults.take(url.pathname);
  if (fault) {
    entry.fault = describeFault(fault);
    switch (fault.type) {
      case "status":
        if (fault.status === 502 || fault.status === 504) return sendHtml(res, fault.status, reasonPhrase(fault.status));
        return sendKipuError(res, fault.status, fault.message ?? reasonPhrase(fault.status));
      case "rate_limit":
        return sendKipuError(res, 429, "Rate limit exceeded", { "retry-after": String(fault.retryAfterSeconds) });
      case "disconnect":
        req.socket.destroy();
        return;
      case "delay":
        await delay(ctx, fault.ms);
        if (res.destroyed || req.socket.destroyed) return;
        break; // then answer normally, late
    }
  }

  const auth = verifyApiAuth(
    { authorization: req.headers.authorization, date: req.headers.date ?? headerString(req.headers["x-auth-date"]), contentType: req.headers["content-type"], contentMd5: headerString(req.headers["content-md5"]), rawUrl },
    ctx.credentials,
    ctx.store.clock.nowMs(),
    ctx.signatureFailureStatus,
  );
  if (!auth.ok) return sendKipuError(res, auth.status, auth.message);
  const recipient = verifyAppId(url.searchParams, ctx.credentials);
  if (!recipient.ok) return sendKipuError(res, recipient.status, recipient.message);
  const accept = verifyAccept(req.headers.accept);
  if (!accept.ok) return sendKipuError(res, accept.status, accept.message);
  if (req.method !== "GET") return sendKipuError(res, 405, "Method Not Allowed");

  route(url, res, ctx);
}

function headerString(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function route(url: URL, res: ServerResponse, ctx: ApiContext): void {
  const q = url.searchParams;
  const page = positiveInt(q.get("page"), 1);
  const per = positiveInt(q.get("per"), DEFAULT_PER);
  if (page === null || per === null) return sendKipuError(res, 400, "page and per must be positive integers");
  const phiLevel = q.get("phi_level") ?? "high";
  if (!["high", "medium", "low"].includes(phiLevel)) return sendKipuError(res, 400, "phi_level must be one of high, medium, low");

  switch (url.pathname) {
    case "/api/patients/census":
      if (!q.get("phi_level")) return sendKipuError(res, 400, "phi_level is missing");
      return sendJson(res, 200, ctx.store.census(page, per, phiLevel));
    case "/api/patients/latest": {
      const start = q.get("start_date") ?? "";
      const end = q.get("end_date") ?? "";
      if (!isCalendarDay(start) || !isCalendarDay(end)) return sendKipuError(res, 400, "start_date and end_date are required (YYYY-MM-DD)");
      if (start > end) return sendKipuError(res, 400, "start_date must not be after end_date");
      return sendJson(res, 200, ctx.store.latest(start, end, page, per, phiLevel));
    }
    case "/api/vaults/patients":
      return sendJson(res, 200, ctx.store.vault(page, per));
  }
  const one = /^\/api\/patients\/(\d+)$/.exec(url.pathname);
  if (one) {
    const master = q.get("patient_master_id");
    if (!master) return sendKipuError(res, 400, "patient_master_id is missing");
    const patient = ctx.store.find(Number(one[1]), master);
    if (!patient) return sendKipuError(res, 404, "Patient not found");
    return sendJson(res, 200, applyPhiLevel(patient.data, phiLevel));
  }
  return sendKipuError(res, 404, "Not Found");
}
