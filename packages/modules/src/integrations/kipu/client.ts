import { z } from "zod";
import {
  KipuAuthError,
  KipuError,
  KipuForbiddenError,
  KipuGoneError,
  KipuNetworkError,
  KipuNotFoundError,
  KipuProtocolError,
  KipuRateLimitError,
  KipuRequestError,
  KipuServerError,
  KipuTimeoutError,
  kipuMessageFrom,
  type KipuErrorKind,
} from "./errors";
import { abortableSleep, createLimiter, fullJitterDelay, parseRetryAfter } from "./retry";
import { encodeQuery, signedHeaders, type KipuDigest } from "./signature";

/**
 * Our Kipu API v3 client: signed GETs of the patient endpoints, typed errors, bounded retries with
 * full-jitter backoff, Retry-After, per-attempt timeouts and a concurrency limit.
 * Sources for the protocol: see signature.ts (auth) and, for endpoints and parameters, pypi kipu-python
 * 0.0.1 `kipu/client.py` + `kipu/base_client.py` (app_id added to every query; census "phi_level, page,
 * per"; latest "patients with updated_at within a date range"; vaults "soft-deleted patients"), Kipu
 * swagger excerpts quoted in public integrations (string-valued pagination object; `/patients/{patient_id}`
 * with `patient_master_id` "Patient Master UUID (NOT ID)"; casefile id "<digits>:<uuid>"), and Kipu's
 * documented status codes (401 signature, 403 forbidden, 410 gone, 429, 500/502/503/504).
 * Assumed where silent: lists under a `patients` key, one patient as a bare object (or `{patient: …}`),
 * `start_date`/`end_date` as YYYY-MM-DD, and phi_level accepted on latest and one-patient reads.
 *
 * Nothing here logs. Observability goes through `onEvent`, whose events carry endpoint templates,
 * statuses, attempts and delays only: no secret, signature, app_id, query string or patient data.
 */

export const KIPU_ACCEPT = "application/vnd.kipusystems+json; version=3";
export const KIPU_PRODUCTION_URL = "https://api.kipuapi.com";

export type KipuPhiLevel = "high" | "medium" | "low";

/** A patient record as Kipu sent it; validate and map it with `mapKipuPatient` (records.ts). */
export type KipuRawRecord = unknown;

export interface KipuPage {
  records: KipuRawRecord[];
  page: number;
  totalPages: number;
  perPage: number;
  totalRecords: number;
}

export type KipuClientEvent =
  | { type: "response"; endpoint: string; status: number; attempt: number; durationMs: number }
  | { type: "retry"; endpoint: string; attempt: number; delayMs: number; reason: KipuErrorKind; status: number | null }
  | { type: "failure"; endpoint: string; error: ReturnType<KipuError["toJSON"]> };

export interface KipuClientOptions {
  /** e.g. https://api.kipuapi.com (a path prefix is kept and signed). */
  baseUrl: string;
  accessId: string;
  secretKey: string;
  /** Kipu's recipient id, sent as `app_id` on every request. */
  appId: string;
  /** Per attempt, including reading the body. Default 30 s. */
  timeoutMs?: number;
  /** Retries after the first attempt for 5xx, 429, timeouts and network errors. Default 4. */
  maxRetries?: number;
  /** Requests in flight at once across this client. Default 4. */
  concurrency?: number;
  /** Backoff base and cap (full jitter). Defaults 500 ms and 30 s. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** A 429 asking to wait longer than this fails at once with KipuRateLimitError. Default 120 s. */
  maxRetryAfterMs?: number;
  /** HMAC digest; see signature.ts for why this is configurable. Default "sha1". */
  digest?: KipuDigest;
  fetch?: typeof fetch;
  /** Waiting between retries; inject a fake in tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => Date;
  onEvent?: (event: KipuClientEvent) => void;
}

export interface PageOptions {
  page?: number;
  per?: number;
  signal?: AbortSignal;
}

export interface CensusOptions extends PageOptions {
  /** Default "high": the sync needs names and dates of birth. */
  phiLevel?: KipuPhiLevel;
}

export interface LatestOptions extends CensusOptions {
  /** Inclusive, whole days (YYYY-MM-DD): consecutive windows overlap, so records repeat. */
  startDate: string;
  endDate: string;
}

export type KipuHealth = { ok: true; latencyMs: number; totalPatients: number } | { ok: false; latencyMs: number; error: ReturnType<KipuError["toJSON"]> };

export interface KipuClient {
  census(opts?: CensusOptions): Promise<KipuPage>;
  latest(opts: LatestOptions): Promise<KipuPage>;
  deletedPatients(opts?: PageOptions): Promise<KipuPage>;
  patient(casefileId: string, opts?: { phiLevel?: KipuPhiLevel; signal?: AbortSignal }): Promise<KipuRawRecord>;
  /** Every page in order; pages after the first are fetched ahead, up to `concurrency` at a time. */
  censusPages(opts?: Omit<CensusOptions, "page">): AsyncGenerator<KipuPage>;
  latestPages(opts: Omit<LatestOptions, "page">): AsyncGenerator<KipuPage>;
  deletedPatientsPages(opts?: Omit<PageOptions, "page">): AsyncGenerator<KipuPage>;
  /** One de-identified census call (phi_level=low, per=1), no retries; never throws. */
  health(opts?: { signal?: AbortSignal }): Promise<KipuHealth>;
}

export const ENDPOINTS = {
  census: "/api/patients/census",
  latest: "/api/patients/latest",
  vault: "/api/vaults/patients",
  patient: "/api/patients/:patient_id",
} as const;

const count = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).transform(Number);
const pageSchema = z.object({
  pagination: z.object({ current_page: count, total_pages: count, records_per_page: count, total_records: count }),
  patients: z.array(z.unknown()),
});
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CASEFILE = /^(\d+):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** Splits "<patient_id>:<patient_master_id>"; throws RangeError (without echoing the id) when malformed. */
export function parseCasefileId(casefileId: string): { patientId: string; patientMasterId: string } {
  const m = CASEFILE.exec(casefileId);
  if (!m) throw new RangeError("not a Kipu casefile id (expected <patient_id>:<patient_master_id uuid>)");
  return { patientId: m[1] as string, patientMasterId: m[2] as string };
}

type Attempt = { ok: true; body: unknown } | { ok: false; error: (attempts: number) => KipuError; kind: KipuErrorKind; status: number | null; retryAfterMs: number | null };

function pageParams(opts: PageOptions): [string, string][] {
  const out: [string, string][] = [];
  if (opts.page !== undefined) out.push(["page", String(positive("page", opts.page))]);
  if (opts.per !== undefined) out.push(["per", String(positive("per", opts.per))]);
  return out;
}

function positive(name: string, n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${name} must be a positive integer`);
  return n;
}

export function createKipuClient(options: KipuClientOptions): KipuClient {
  const base = new URL(options.baseUrl);
  const basePath = base.pathname.replace(/\/+$/, "");
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxRetries = options.maxRetries ?? 4;
  const concurrency = options.concurrency ?? 4;
  const backoff = { baseDelayMs: options.baseDelayMs ?? 500, maxDelayMs: options.maxDelayMs ?? 30_000 };
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 120_000;
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? (() => new Date());
  const emit = options.onEvent ?? (() => undefined);
  const limiter = createLimiter(concurrency);

  async function attemptOnce(endpoint: string, path: string, params: [string, string][], signal: AbortSignal | undefined, attempt: number): Promise<Attempt> {
    // Kipu wants app_id on every request; it goes last, as in Kipu's own examples.
    const requestUri = `${basePath}${path}?${encodeQuery([...params, ["app_id", options.appId]])}`;
    const url = `${base.origin}${requestUri}`;
    const headers = { Accept: KIPU_ACCEPT, ...signedHeaders({ accessId: options.accessId, secretKey: options.secretKey, requestUri, date: now(), digest: options.digest }) };
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const started = Date.now();
    let res: Response;
    let text: string;
    try {
      res = await doFetch(url, { method: "GET", headers, signal: combined });
      text = await res.text();
    } catch (err) {
      if (signal?.aborted) throw signal.reason;
      const timedOut = timeout.aborted || (err instanceof Error && err.name === "TimeoutError");
      const detail = timedOut ? `no answer within ${timeoutMs} ms` : "connection failed";
      return timedOut
        ? { ok: false, kind: "timeout", status: null, retryAfterMs: null, error: (n) => new KipuTimeoutError(endpoint, null, null, n, detail) }
        : { ok: false, kind: "network", status: null, retryAfterMs: null, error: (n) => new KipuNetworkError(endpoint, null, null, n, detail) };
    }
    emit({ type: "response", endpoint, status: res.status, attempt, durationMs: Date.now() - started });
    const status = res.status;
    if (status >= 200 && status < 300) {
      try {
        return { ok: true, body: JSON.parse(text) as unknown };
      } catch {
        return { ok: false, kind: "protocol", status, retryAfterMs: null, error: (n) => new KipuProtocolError(endpoint, status, null, n, "response is not JSON") };
      }
    }
    const message = kipuMessageFrom(text);
    const fail = (kind: KipuErrorKind, make: (n: number) => KipuError, retryAfterMs: number | null = null): Attempt => ({ ok: false, kind, status, retryAfterMs, error: make });
    if (status === 401) return fail("auth", (n) => new KipuAuthError(endpoint, status, message, n));
    if (status === 403) return fail("forbidden", (n) => new KipuForbiddenError(endpoint, status, message, n));
    if (status === 404) return fail("not_found", (n) => new KipuNotFoundError(endpoint, status, message, n));
    if (status === 410) return fail("gone", (n) => new KipuGoneError(endpoint, status, message, n));
    if (status === 429) {
      const after = parseRetryAfter(res.headers.get("retry-after"), now().getTime());
      return fail("rate_limited", (n) => new KipuRateLimitError(endpoint, message, n, after), after);
    }
    if (status >= 500) return fail("server", (n) => new KipuServerError(endpoint, status, message, n));
    return fail("request", (n) => new KipuRequestError(endpoint, status, message, n));
  }

  const RETRYABLE: ReadonlySet<KipuErrorKind> = new Set(["server", "rate_limited", "timeout", "network"]);

  async function get(endpoint: string, path: string, params: [string, string][], signal: AbortSignal | undefined, retries = maxRetries): Promise<unknown> {
    for (let attempt = 1; ; attempt++) {
      const result = await limiter.run(() => attemptOnce(endpoint, path, params, signal, attempt));
      if (result.ok) return result.body;
      const retryNumber = attempt - 1;
      const tooLongToWait = result.kind === "rate_limited" && result.retryAfterMs !== null && result.retryAfterMs > maxRetryAfterMs;
      if (!RETRYABLE.has(result.kind) || retryNumber >= retries || tooLongToWait) {
        const error = result.error(attempt);
        emit({ type: "failure", endpoint, error: error.toJSON() });
        throw error;
      }
      // Honour Retry-After when given; otherwise (and for everything else) full-jitter backoff.
      const delayMs = result.kind === "rate_limited" && result.retryAfterMs !== null ? result.retryAfterMs : fullJitterDelay(retryNumber, backoff, random);
      emit({ type: "retry", endpoint, attempt, delayMs, reason: result.kind, status: result.status });
      await sleep(delayMs, signal);
    }
  }

  function toPage(endpoint: string, body: unknown): KipuPage {
    const parsed = pageSchema.safeParse(body);
    if (!parsed.success) throw new KipuProtocolError(endpoint, 200, null, 1, "response has no pagination/patients");
    const p = parsed.data.pagination;
    return { records: parsed.data.patients, page: p.current_page, totalPages: p.total_pages, perPage: p.records_per_page, totalRecords: p.total_records };
  }

  const census = async (opts: CensusOptions = {}) =>
    toPage(ENDPOINTS.census, await get(ENDPOINTS.census, ENDPOINTS.census, [["phi_level", opts.phiLevel ?? "high"], ...pageParams(opts)], opts.signal));

  const latest = async (opts: LatestOptions) => {
    if (!DAY.test(opts.startDate) || !DAY.test(opts.endDate)) throw new RangeError("startDate and endDate must be YYYY-MM-DD");
    if (opts.startDate > opts.endDate) throw new RangeError("startDate must not be after endDate");
    const params: [string, string][] = [["start_date", opts.startDate], ["end_date", opts.endDate], ["phi_level", opts.phiLevel ?? "high"], ...pageParams(opts)];
    return toPage(ENDPOINTS.latest, await get(ENDPOINTS.latest, ENDPOINTS.latest, params, opts.signal));
  };

  const deletedPatients = async (opts: PageOptions = {}) => toPage(ENDPOINTS.vault, await get(ENDPOINTS.vault, ENDPOINTS.vault, pageParams(opts), opts.signal));

  async function* pages(fetchPage: (page: number, signal: AbortSignal) => Promise<KipuPage>, outer?: AbortSignal): AsyncGenerator<KipuPage> {
    // Aborted when the consumer stops early (break/throw), so prefetched requests do not linger.
    const stop = new AbortController();
    const signal = outer ? AbortSignal.any([outer, stop.signal]) : stop.signal;
    const inflight = new Map<number, Promise<KipuPage>>();
    try {
      const first = await fetchPage(1, signal);
      yield first;
      let next = 2;
      for (let page = 2; page <= first.totalPages; page++) {
        while (next <= first.totalPages && inflight.size < concurrency) {
          const p = fetchPage(next, signal);
          p.catch(() => undefined); // observed when awaited below; avoids an unhandled rejection meanwhile
          inflight.set(next++, p);
        }
        const current = inflight.get(page) as Promise<KipuPage>;
        inflight.delete(page);
        yield await current;
      }
    } finally {
      stop.abort();
    }
  }

  return {
    census,
    latest,
    deletedPatients,
    async patient(casefileId, opts = {}) {
      const { patientId, patientMasterId } = parseCasefileId(casefileId);
      const body = await get(ENDPOINTS.patient, `/api/patients/${patientId}`, [["patient_master_id", patientMasterId], ["phi_level", opts.phiLevel ?? "high"]], opts.signal);
      if (body && typeof body === "object" && "patient" in body && typeof (body as { patient: unknown }).patient === "object") return (body as { patient: unknown }).patient;
      return body;
    },
    censusPages: (opts = {}) => pages((page, signal) => census({ ...opts, page, signal }), opts.signal),
    latestPages: (opts) => pages((page, signal) => latest({ ...opts, page, signal }), opts.signal),
    deletedPatientsPages: (opts = {}) => pages((page, signal) => deletedPatients({ ...opts, page, signal }), opts.signal),
    async health(opts = {}) {
      const started = Date.now();
      try {
        const body = await get(ENDPOINTS.census, ENDPOINTS.census, [["phi_level", "low"], ["page", "1"], ["per", "1"]], opts.signal, 0);
        return { ok: true, latencyMs: Date.now() - started, totalPatients: toPage(ENDPOINTS.census, body).totalRecords };
      } catch (err) {
        if (opts.signal?.aborted) throw err;
        const error = err instanceof KipuError ? err : new KipuProtocolError(ENDPOINTS.census, null, null, 1, "unexpected failure");
        return { ok: false, latencyMs: Date.now() - started, error: error.toJSON() };
      }
    },
  };
}
