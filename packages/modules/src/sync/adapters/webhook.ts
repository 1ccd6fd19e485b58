import { and, asc, desc, eq, gt } from "drizzle-orm";
import { syncInbox } from "@orchestrator/db/schema";
import { z } from "zod";
import { kipuDay } from "../../integrations/kipu";
import type { MappedRecord, MappedRemoval, SourcePage, SyncAdapter, SyncedValues } from "../adapter";
import type { Executor } from "../store";

/**
 * A generic push source: another system POSTs records to us with an HMAC-signed body
 * (`receiveWebhook`, webhook-receiver.ts), they land in `sync_inbox`, and this adapter pages through
 * the inbox after a cursor (the inbox id, zero-padded so cursors compare as strings). Each inbox row's
 * id is also its record's change marker: a later push of the same record is a newer version.
 *
 * The record format (JSON), one object per record:
 *   { "external_id": "A-17", "first_name": "…", "last_name": "…", "dob": "YYYY-MM-DD",
 *     "status": "pending" | "active" | "discharged", "admission_date": "…", "discharge_date": "…" }
 */

export const webhookRecordSchema = z.object({
  external_id: z.string().min(1).max(140),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  dob: z.string().nullish(),
  status: z.string().nullish(),
  admission_date: z.string().nullish(),
  discharge_date: z.string().nullish(),
});

const STATUSES: Record<string, SyncedValues["status"]> = { pending: "pending", pre_admission: "pending", active: "active", admitted: "active", discharged: "discharged" };
const NAME_MAX = 140;

/** Inbox ids as fixed-width strings, so "2" < "10" holds for cursors and markers alike. */
export function inboxCursor(id: number): string {
  return String(id).padStart(20, "0");
}

/** What the adapter hands the engine for one inbox row. */
export interface InboxEnvelope {
  id: number;
  externalId: string;
  payload: unknown;
}

export function mapWebhookRecord(envelope: InboxEnvelope, today = new Date().toISOString().slice(0, 10)): MappedRecord {
  const parsed = webhookRecordSchema.safeParse(envelope.payload);
  if (!parsed.success) {
    const reason = parsed.error.issues.map((i) => `${i.path.join(".") || "record"}: wrong type`).join("; ");
    return { ok: false, externalId: envelope.externalId, reason };
  }
  const p = parsed.data;
  const reasons: string[] = [];
  const name = (field: "first_name" | "last_name") => {
    const clean = (p[field] ?? "").replace(/\s+/g, " ").trim();
    if (!clean) reasons.push(`missing ${field}`);
    else if (clean.length > NAME_MAX) reasons.push(`${field} longer than ${NAME_MAX} characters`);
    return clean;
  };
  const first = name("first_name");
  const last = name("last_name");
  const dates = { dob: null as string | null, admission_date: null as string | null, discharge_date: null as string | null };
  for (const field of ["dob", "admission_date", "discharge_date"] as const) {
    const d = kipuDay(p[field]);
    if (d === "invalid") reasons.push(`${field} is not a valid date`);
    else dates[field] = d;
  }
  if (dates.dob && dates.dob > today) reasons.push("dob is in the future");
  if (dates.admission_date && dates.discharge_date && dates.discharge_date < dates.admission_date) reasons.push("discharge_date is before admission_date");
  const statusKey = (p.status ?? "").trim().toLowerCase().replace(/[\s-]+/g, "_");
  const status = statusKey ? STATUSES[statusKey] : dates.discharge_date ? "discharged" : dates.admission_date ? "active" : "pending";
  if (!status) reasons.push("unknown status");
  if (reasons.length || !status) return { ok: false, externalId: envelope.externalId, reason: reasons.join("; ") };
  return { ok: true, externalId: envelope.externalId, values: { first_name: first, last_name: last, ...dates, status }, changeMarker: inboxCursor(envelope.id) };
}

export function createWebhookAdapter(options: { source: string; db: () => Executor; perPage?: number }): SyncAdapter {
  const per = options.perPage ?? 100;
  return {
    kind: "webhook",
    linkField: null,
    async fetchChanged({ since, pageToken }): Promise<SourcePage> {
      // The page token is the last inbox id read; the first page starts after the cursor.
      const after = Number(pageToken ?? since ?? 0);
      const rows = await options
        .db()
        .select({ id: syncInbox.id, externalId: syncInbox.externalId, payload: syncInbox.payload })
        .from(syncInbox)
        .where(and(eq(syncInbox.source, options.source), gt(syncInbox.id, after)))
        .orderBy(asc(syncInbox.id))
        .limit(per);
      const last = rows.at(-1);
      return {
        records: rows satisfies InboxEnvelope[],
        nextPageToken: rows.length === per && last ? String(last.id) : null,
        cursor: last ? inboxCursor(last.id) : null,
      };
    },
    async fetchOne(externalId) {
      const [row] = await options
        .db()
        .select({ id: syncInbox.id, externalId: syncInbox.externalId, payload: syncInbox.payload })
        .from(syncInbox)
        .where(and(eq(syncInbox.source, options.source), eq(syncInbox.externalId, externalId)))
        .orderBy(desc(syncInbox.id))
        .limit(1);
      return row ?? null;
    },
    map: (raw) => mapWebhookRecord(raw as InboxEnvelope),
    // Pushed records carry no removals (yet): a sender would need to agree on a tombstone format.
    mapRemoved: (): MappedRemoval => ({ ok: false, externalId: null, reason: "removals are not supported by webhook sources" }),
    async health() {
      return { ok: true, latencyMs: 0, message: null, totalRecords: null };
    },
  };
}
