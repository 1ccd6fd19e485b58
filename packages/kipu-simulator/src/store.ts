/**
 * The simulator's patient data and Kipu's list semantics over it: offset pagination with a string-valued
 * pagination object, a census of everyone not soft-deleted, `latest` by whole days of last_updated_at,
 * and the vault. Sources and assumptions: see api.ts (endpoints) and types.ts (fields).
 */
import { generatePatient, generatePopulation, isoDay, prng } from "./seed";
import type { KipuPagination, KipuPatientJson, MalformKind, SimPatient } from "./types";

export const DEFAULT_PER = 20;
/** Kipu's documented maximum page size is not public; we cap at 100 and report the cap in `records_per_page`. */
export const MAX_PER = 100;

export interface Page {
  patients: KipuPatientJson[];
  pagination: KipuPagination;
}

/** The simulator's sense of time: real time, optionally pinned or shifted by tests. */
export class SimClock {
  private fixed: number | null = null;
  private offset = 0;
  nowMs(): number {
    return (this.fixed ?? Date.now()) + this.offset;
  }
  set(now: Date | null): void {
    this.fixed = now ? now.getTime() : null;
    this.offset = 0;
  }
  advance(ms: number): void {
    this.offset += ms;
  }
}

function paginate(all: SimPatient[], page: number, per: number, view: (p: SimPatient) => KipuPatientJson): Page {
  const records = Math.min(Math.max(1, per), MAX_PER);
  const totalPages = Math.ceil(all.length / records);
  const slice = all.slice((page - 1) * records, page * records);
  return {
    patients: slice.map(view),
    // Kipu sends every pagination value as a string.
    pagination: { current_page: String(page), total_pages: String(totalPages), records_per_page: String(records), total_records: String(all.length) },
  };
}

/** `phi_level=low` de-identifies: no names, dob or gender (assumption; Kipu does not publish the field sets). */
export function applyPhiLevel(data: KipuPatientJson, phiLevel: string): KipuPatientJson {
  if (phiLevel !== "low") return data;
  return { ...data, first_name: null, middle_name: null, last_name: null, dob: null, gender: null };
}

const MALFORMATIONS: Record<MalformKind, (d: KipuPatientJson) => Record<string, unknown>> = {
  missing_last_name: () => ({ last_name: null }),
  missing_first_name: () => ({ first_name: "   " }),
  discharge_before_admission: (d) => {
    const adm = Date.parse(d.admission_date ?? d.created_at);
    return { status: "discharged", discharge_date: new Date(adm - 3 * 86_400_000).toISOString(), discharge_type: "Administrative Discharge" };
  },
  impossible_dob: () => ({ dob: "1987-02-30" }),
  unknown_status: () => ({ status: "teleported" }),
  not_a_date: () => ({ admission_date: "last tuesday" }),
};

export class PatientStore {
  private patients: SimPatient[] = [];
  private byCasefile = new Map<string, SimPatient>();
  private rand = prng(1);
  private nextIndex = 0;

  constructor(readonly clock: SimClock) {}

  reset(opts: { seed: number; count: number; deleted: number }): void {
    this.patients = generatePopulation({ ...opts, nowMs: this.clock.nowMs() });
    this.byCasefile = new Map(this.patients.map((p) => [p.data.casefile_id, p]));
    this.nextIndex = this.patients.length;
    // Patients created later continue the same deterministic sequence.
    this.rand = prng(opts.seed ^ 0x5eed);
  }

  counts(): { patients: number; deleted: number } {
    const deleted = this.patients.filter((p) => p.deletedAt).length;
    return { patients: this.patients.length - deleted, deleted };
  }

  casefileIds(opts: { deleted?: boolean } = {}): string[] {
    return this.patients.filter((p) => Boolean(p.deletedAt) === Boolean(opts.deleted)).map((p) => p.data.casefile_id);
  }

  /** Census: every patient not soft-deleted, in patient-id order (stable across pages). */
  census(page: number, per: number, phiLevel: string): Page {
    return paginate(this.patients.filter((p) => !p.deletedAt), page, per, (p) => applyPhiLevel(p.data, phiLevel));
  }

  /** Patients whose `last_updated_at` falls on a day in [startDate, endDate] (UTC days, inclusive). */
  latest(startDate: string, endDate: string, page: number, per: number, phiLevel: string): Page {
    const inWindow = this.patients.filter((p) => {
      if (p.deletedAt) return false;
      const day = p.data.last_updated_at.slice(0, 10);
      return day >= startDate && day <= endDate;
    });
    return paginate(inWindow, page, per, (p) => applyPhiLevel(p.data, phiLevel));
  }

  vault(page: number, per: number): Page {
    return paginate(this.patients.filter((p) => p.deletedAt), page, per, (p) => ({ ...p.data, deleted_at: p.deletedAt }));
  }

  find(patientId: number, patientMasterId: string): SimPatient | undefined {
    const p = this.byCasefile.get(`${patientId}:${patientMasterId}`);
    return p && !p.deletedAt ? p : undefined;
  }

  /** A copy of one patient's JSON, census or vault (with `deleted_at` when soft-deleted). */
  snapshot(casefileId: string): KipuPatientJson | undefined {
    const p = this.byCasefile.get(casefileId);
    if (!p) return undefined;
    const copy = structuredClone(p.data);
    return p.deletedAt ? { ...copy, deleted_at: p.deletedAt } : copy;
  }

  private mustGet(casefileId: string): SimPatient {
    const p = this.byCasefile.get(casefileId);
    if (!p) throw new SimNotFound(`no patient ${casefileId}`);
    return p;
  }

  private touch(p: SimPatient): void {
    p.data.last_updated_at = new Date(this.clock.nowMs()).toISOString();
  }

  /** Changes fields (Kipu JSON names) and bumps `last_updated_at`, as an edit in Kipu would. */
  update(casefileId: string, change: { set?: Record<string, unknown>; unset?: string[] }): KipuPatientJson {
    const p = this.mustGet(casefileId);
    const next: Record<string, unknown> = { ...p.data, ...(change.set ?? {}) };
    for (const key of change.unset ?? []) delete next[key];
    // The identity and the change marker stay the simulator's.
    next.casefile_id = p.data.casefile_id;
    p.data = next as KipuPatientJson;
    this.touch(p);
    return p.data;
  }

  /** Makes a record malformed the way real data goes wrong; it also counts as an update. */
  malform(casefileId: string, kind: MalformKind): KipuPatientJson {
    const p = this.mustGet(casefileId);
    return this.update(casefileId, { set: MALFORMATIONS[kind](p.data) });
  }

  /** A new admission appears in Kipu. */
  create(set: Record<string, unknown> = {}): KipuPatientJson {
    const p = generatePatient(this.rand, this.nextIndex++, this.clock.nowMs());
    this.patients.push(p);
    this.byCasefile.set(p.data.casefile_id, p);
    p.data.created_at = new Date(this.clock.nowMs()).toISOString();
    return this.update(p.data.casefile_id, { set });
  }

  /** Soft delete: the patient leaves the census and appears in `/api/vaults/patients`. */
  softDelete(casefileId: string): void {
    const p = this.mustGet(casefileId);
    if (!p.deletedAt) p.deletedAt = new Date(this.clock.nowMs()).toISOString();
  }

  today(): string {
    return isoDay(this.clock.nowMs());
  }
}

export class SimNotFound extends Error {}
