import type { clientStatuses } from "@orchestrator/db/schema";

/**
 * The one interface every external source of clients implements (DESIGN §6). The engine knows nothing
 * about HTTP, signatures or payload shapes: it asks an adapter for pages of raw records changed since
 * a cursor, has each one mapped into our Client fields (or refused with a reason), and — when the
 * source reports removals — for pages of removed records.
 */

/** The Client fields a source owns: a sync writes these and nothing else. */
export const syncedFields = ["first_name", "last_name", "dob", "status", "admission_date", "discharge_date"] as const;
export type SyncedField = (typeof syncedFields)[number];

// A type alias rather than an interface: it is stored as a JSON record (`Record<string, unknown>`).
export type SyncedValues = {
  first_name: string;
  last_name: string;
  dob: string | null;
  status: (typeof clientStatuses)[number];
  admission_date: string | null;
  discharge_date: string | null;
};

/**
 * One source record in our terms. `changeMarker` orders versions of a record (Kipu: its
 * `last_updated_at` as ISO; a webhook: the inbox position): a marker not newer than the one last
 * synced means "unchanged, skip". Markers of one source compare as plain strings.
 */
export type MappedRecord =
  | { ok: true; externalId: string; values: SyncedValues; changeMarker: string }
  /** `reason` names fields and rules, never values: it is stored and shown. */
  | { ok: false; externalId: string | null; reason: string };

export type MappedRemoval = { ok: true; externalId: string; removedAt: string } | { ok: false; externalId: string | null; reason: string };

export interface SourcePage {
  records: unknown[];
  /** Opaque token of the next page; null when this page was the last. Saved in the run's checkpoint. */
  nextPageToken: string | null;
  /**
   * The cursor position this page reaches, when the source has one apart from the records' markers
   * (an inbox id). The run's high-water mark is the highest of these and of the records' markers.
   */
  cursor?: string | null;
}

export interface SourceHealth {
  ok: boolean;
  latencyMs: number;
  /** The source's own words when it is not ok (never a secret). */
  message: string | null;
  /** How many records the source holds, when it says. */
  totalRecords: number | null;
}

export interface SyncAdapter {
  readonly kind: "kipu" | "webhook";
  /**
   * The Client field holding this source's record id, when Clients have one (`kipu_id`): matching
   * uses it, and the sync stamps it. Sources without one are linked through `sync_state` only.
   */
  readonly linkField: "kipu_id" | null;
  /** Page of records changed since `since` (null = every record: a full run); `pageToken` null = first page. */
  fetchChanged(args: { since: string | null; pageToken: string | null; signal?: AbortSignal }): Promise<SourcePage>;
  /** Page of records removed at the source; absent when the source cannot say (or the endpoint is disabled). */
  fetchRemoved?(args: { pageToken: string | null; signal?: AbortSignal }): Promise<SourcePage>;
  /** One record by its id; null when the source does not have it. */
  fetchOne(externalId: string, signal?: AbortSignal): Promise<unknown>;
  map(raw: unknown): MappedRecord;
  mapRemoved(raw: unknown): MappedRemoval;
  health(signal?: AbortSignal): Promise<SourceHealth>;
}

/**
 * How a source failed, in the engine's terms:
 * - `auth`: our credentials were refused (401) — never retried; the source backs off;
 * - `forbidden`: access refused (403) — the source stops until an admin looks;
 * - `gone`: this endpoint no longer exists for us (410) — disabled on the source;
 * - `unavailable`: 5xx, 429, timeouts, network (after the client's own retries) — the run retries later;
 * - `failed`: anything else (a bad request, a malformed answer, missing configuration).
 * The message carries the source's own words and the endpoint template only: no secret, no data.
 */
export type SourceErrorKind = "auth" | "forbidden" | "gone" | "unavailable" | "failed";

export class SourceError extends Error {
  constructor(
    readonly kind: SourceErrorKind,
    message: string,
    readonly endpoint: string | null = null,
    readonly sourceMessage: string | null = null,
  ) {
    super(message);
    this.name = "SourceError";
  }

  get retryable(): boolean {
    return this.kind === "unavailable";
  }
}

export function isSourceError(error: unknown): error is SourceError {
  return error instanceof SourceError;
}
