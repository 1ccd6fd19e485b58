import { KIPU_ENDPOINTS, KipuError, KipuNotFoundError, mapKipuPatient, parseCasefileId, type KipuClient } from "../../integrations/kipu";
import { SourceError, type MappedRecord, type MappedRemoval, type SourceErrorKind, type SourcePage, type SyncAdapter } from "../adapter";

/**
 * Kipu, polled:
 * - full run: the census at `phi_level=high` (names and dates of birth are what we map);
 * - incremental run: `/api/patients/latest` over whole days from the day before the high-water mark
 *   to tomorrow (UTC). Kipu's windows are date-granular, so they overlap and bring unchanged records
 *   again: the engine skips those by `last_updated_at`. The extra day on each side absorbs the
 *   facility's time zone (Kipu's days are local);
 * - removals: the vault of soft-deleted patients.
 * Kipu's typed errors become the engine's SourceErrors here; their messages hold Kipu's words and
 * endpoint templates only.
 */

export interface KipuAdapterOptions {
  client: KipuClient;
  /** Endpoints Kipu answered 410 for: not called (latest → census, vault → no removals). */
  disabledEndpoints?: readonly string[];
  /** Page size asked of Kipu (its cap is not public; the simulator caps at 100). */
  perPage?: number;
  now?: () => Date;
}

const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function kindOf(error: KipuError): SourceErrorKind {
  switch (error.kind) {
    case "auth":
      return "auth";
    case "forbidden":
      return "forbidden";
    case "gone":
      return "gone";
    case "rate_limited":
    case "server":
    case "timeout":
    case "network":
      return "unavailable";
    default:
      return "failed";
  }
}

/** Runs a Kipu call, turning its failures into SourceErrors. */
async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof KipuError) throw new SourceError(kindOf(error), error.message, error.endpoint, error.kipuMessage);
    throw error;
  }
}

function pageOf(result: { records: unknown[]; page: number; totalPages: number }): SourcePage {
  return { records: result.records, nextPageToken: result.page < result.totalPages ? String(result.page + 1) : null };
}

function pageNumber(token: string | null): number {
  if (token === null) return 1;
  const n = Number(token);
  if (!Number.isInteger(n) || n < 1) throw new SourceError("failed", "invalid page token in the run's checkpoint");
  return n;
}

/** `2026-01-05T10:00:00.000Z` → the DB's `2026-01-05 10:00:00.000000`. */
function dbTimestamp(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}000`;
}

export function createKipuAdapter(options: KipuAdapterOptions): SyncAdapter {
  const { client } = options;
  const disabled = new Set(options.disabledEndpoints ?? []);
  const per = options.perPage ?? 100;
  const now = options.now ?? (() => new Date());

  const adapter: SyncAdapter = {
    kind: "kipu",
    linkField: "kipu_id",
    fetchChanged: ({ since, pageToken, signal }) =>
      call(async () => {
        const page = pageNumber(pageToken);
        const sinceMs = since ? Date.parse(since) : Number.NaN;
        if (!Number.isNaN(sinceMs) && !disabled.has(KIPU_ENDPOINTS.latest)) {
          const today = now().getTime();
          const startDate = day(Math.min(sinceMs, today) - DAY_MS);
          return pageOf(await client.latest({ startDate, endDate: day(today + DAY_MS), phiLevel: "high", page, per, signal }));
        }
        if (disabled.has(KIPU_ENDPOINTS.census)) throw new SourceError("gone", "Kipu's census endpoint is disabled on this source (it answered 410)", KIPU_ENDPOINTS.census);
        return pageOf(await client.census({ phiLevel: "high", page, per, signal }));
      }),
    fetchOne: (externalId, signal) =>
      call(async () => {
        try {
          parseCasefileId(externalId);
          return await client.patient(externalId, { phiLevel: "high", signal });
        } catch (error) {
          if (error instanceof KipuNotFoundError || error instanceof RangeError) return null;
          throw error;
        }
      }),
    map(raw): MappedRecord {
      const mapped = mapKipuPatient(raw);
      if (!mapped.ok) return { ok: false, externalId: mapped.kipuId ?? null, reason: mapped.reason };
      const { kipu_id: _kipuId, ...values } = mapped.values;
      return { ok: true, externalId: mapped.kipuId, values, changeMarker: mapped.lastUpdatedAt };
    },
    mapRemoved(raw): MappedRemoval {
      const record = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
      const casefile = typeof record.casefile_id === "string" ? record.casefile_id : null;
      try {
        if (!casefile) throw new RangeError("no casefile");
        parseCasefileId(casefile);
      } catch {
        return { ok: false, externalId: null, reason: "missing or malformed casefile_id" };
      }
      const deletedMs = typeof record.deleted_at === "string" ? Date.parse(record.deleted_at) : Number.NaN;
      // A vault record without a readable deletion time is still removed: we note when we learnt it.
      const removedAt = new Date(Number.isNaN(deletedMs) ? now().getTime() : deletedMs).toISOString();
      return { ok: true, externalId: casefile, removedAt: dbTimestamp(removedAt) };
    },
    async health(signal) {
      const result = await client.health({ signal });
      return result.ok
        ? { ok: true, latencyMs: result.latencyMs, message: null, totalRecords: result.totalPatients }
        : { ok: false, latencyMs: result.latencyMs, message: result.error.message ?? `${result.error.kind} (${result.error.status ?? "no status"})`, totalRecords: null };
    },
  };
  if (!disabled.has(KIPU_ENDPOINTS.vault)) {
    adapter.fetchRemoved = ({ pageToken, signal }) => call(async () => pageOf(await client.deletedPatients({ page: pageNumber(pageToken), per, signal })));
  }
  return adapter;
}
