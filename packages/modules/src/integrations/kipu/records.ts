import { z } from "zod";
import type { clientStatuses } from "@orchestrator/db/schema";

/**
 * Kipu patient JSON → our Client fields. One malformed record is reported on its own (with why) and
 * never fails its page. Reasons name fields, never values, so they are safe to store and show.
 * Field names: Kipu's patient_basic_info_object (casefile_id, first_name, middle_name, last_name, dob,
 * admission_date, discharge_date, mr_number) and the `last_updated_at` change marker, as seen in public
 * Kipu integrations' swagger-derived types. Assumed: a `status` string with Kipu's UI states
 * (pre-admission / admitted / discharged; synonyms accepted), `deleted_at` on vault records, and
 * datetimes written with the facility's offset, so their first ten characters are the local date.
 */

export type ClientStatus = (typeof clientStatuses)[number];

/** The Client fields a Kipu record sets (names as in the Client DocType). */
export interface KipuClientValues {
  first_name: string;
  last_name: string;
  dob: string | null;
  status: ClientStatus;
  admission_date: string | null;
  discharge_date: string | null;
  kipu_id: string;
}

export type KipuMapResult =
  | { ok: true; kipuId: string; values: KipuClientValues; lastUpdatedAt: string; deletedAt: string | null }
  | { ok: false; kipuId?: string; reason: string; reasons: string[] };

const CASEFILE = /^\d+:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NAME_MAX = 140;
const text = z.string().nullish();

/** What we read from a Kipu patient; unknown extra fields are dropped. */
export const kipuPatientSchema = z.object({
  casefile_id: z.string().regex(CASEFILE),
  first_name: text,
  middle_name: text,
  last_name: text,
  dob: text,
  status: text,
  admission_date: text,
  discharge_date: text,
  discharge_type: text,
  mr_number: z.union([z.string(), z.number()]).nullish(),
  last_updated_at: text,
  deleted_at: text,
});
export type KipuPatient = z.infer<typeof kipuPatientSchema>;

const STATUS: Record<string, ClientStatus> = {
  pre_admission: "pending",
  preadmission: "pending",
  pre_admit: "pending",
  pending: "pending",
  admitted: "active",
  active: "active",
  in_treatment: "active",
  current: "active",
  discharged: "discharged",
};

/** `YYYY-MM-DD` from a date or a datetime that starts with one, if it is a real calendar day. */
export function kipuDay(value: string | null | undefined): string | null | "invalid" {
  if (value === null || value === undefined || value.trim() === "") return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(value.trim());
  if (!m) return "invalid";
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day ? day : "invalid";
}

function timestamp(value: string | null | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function name(field: "first_name" | "last_name", value: string | null | undefined, reasons: string[]): string {
  const clean = (value ?? "").replace(/\s+/g, " ").trim();
  if (!clean) reasons.push(`missing ${field}`);
  else if (clean.length > NAME_MAX) reasons.push(`${field} longer than ${NAME_MAX} characters`);
  return clean;
}

/** A status value is not PHI, but keep what we echo short and plain. */
function showStatus(raw: string): string {
  return raw.replace(/[^\w -]/g, "?").slice(0, 40);
}

export function mapKipuPatient(raw: unknown, opts: { today?: string } = {}): KipuMapResult {
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return { ok: false, reason: "record is not an object", reasons: ["record is not an object"] };
  const casefile = (raw as Record<string, unknown>).casefile_id;
  if (typeof casefile !== "string" || !CASEFILE.test(casefile)) return { ok: false, reason: "missing or malformed casefile_id", reasons: ["missing or malformed casefile_id"] };
  const kipuId = casefile;

  const parsed = kipuPatientSchema.safeParse(raw);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((i) => `${i.path.join(".") || "record"}: wrong type`);
    return { ok: false, kipuId, reason: reasons.join("; "), reasons };
  }
  const p = parsed.data;
  const reasons: string[] = [];
  const first = name("first_name", p.first_name, reasons);
  const last = name("last_name", p.last_name, reasons);

  const dates: Record<"dob" | "admission_date" | "discharge_date", string | null> = { dob: null, admission_date: null, discharge_date: null };
  for (const field of ["dob", "admission_date", "discharge_date"] as const) {
    const day = kipuDay(p[field]);
    if (day === "invalid") reasons.push(`${field} is not a valid date`);
    else dates[field] = day;
  }
  const { dob, admission_date: admission, discharge_date: discharge } = dates;
  if (dob && dob > today) reasons.push("dob is in the future");
  if (dob && dob < "1900-01-01") reasons.push("dob is before 1900");
  if (admission && discharge && discharge < admission) reasons.push("discharge_date is before admission_date");
  if (dob && admission && admission < dob) reasons.push("admission_date is before dob");

  let status: ClientStatus;
  if (p.status && p.status.trim()) {
    const key = p.status.trim().toLowerCase().replace(/[\s-]+/g, "_");
    const mapped = STATUS[key];
    if (!mapped) reasons.push(`unknown status "${showStatus(p.status.trim())}"`);
    status = mapped ?? "pending";
  } else {
    // No status: derive it from the dates, as Kipu's census shows them.
    status = discharge && discharge <= today ? "discharged" : admission && admission <= today ? "active" : "pending";
  }

  const lastUpdatedAt = timestamp(p.last_updated_at);
  if (!lastUpdatedAt) reasons.push("missing or invalid last_updated_at");
  const deletedAt = p.deleted_at ? timestamp(p.deleted_at) : null;
  if (p.deleted_at && !deletedAt) reasons.push("invalid deleted_at");

  if (reasons.length > 0 || !lastUpdatedAt) return { ok: false, kipuId, reason: reasons.join("; "), reasons };
  return {
    ok: true,
    kipuId,
    values: { first_name: first, last_name: last, dob, status, admission_date: admission, discharge_date: discharge, kipu_id: kipuId },
    lastUpdatedAt,
    deletedAt,
  };
}
