/**
 * The shapes the simulator speaks. Field names follow Kipu's `patient_basic_info_object` (casefile_id,
 * first_name, middle_name, last_name, dob, admission_date, discharge_date, mr_number) plus the census
 * extras public clients read (discharge_type, sobriety_date, program, level_of_care, location/building/
 * room/bed names, insurances) and the `last_updated_at` change marker.
 * Sources: Kipu API v3 swagger schema names and field lists as mirrored in public client code on GitHub
 * (`types/kipu` files of Kipu integrations; pypi `kipu-python` 0.0.1 `kipu/client.py`).
 * Assumed where public material is silent: a plain `status` string ("pre_admission" | "admitted" |
 * "discharged"), `created_at`, and `deleted_at` on vault (soft-deleted) records.
 */
export interface KipuPatientJson {
  casefile_id: string;
  first_name: string | null;
  middle_name: string | null;
  last_name: string | null;
  dob: string | null;
  gender: string | null;
  mr_number: string;
  status: string;
  admission_date: string | null;
  discharge_date: string | null;
  discharge_type: string | null;
  sobriety_date: string | null;
  program: string;
  level_of_care: string;
  location_id: number;
  location_name: string;
  building_name: string;
  room_name: string | null;
  bed_name: string | null;
  insurances: { insurance_company: string; priority: string }[];
  created_at: string;
  last_updated_at: string;
  [extra: string]: unknown;
}

/** One stored patient: its Kipu JSON plus the simulator's bookkeeping. */
export interface SimPatient {
  patientId: number;
  patientMasterId: string;
  data: KipuPatientJson;
  /** ISO time of the soft delete; set = the patient lives in the vault, not the census. */
  deletedAt: string | null;
}

/** Kipu's string-valued pagination object. */
export interface KipuPagination {
  current_page: string;
  total_pages: string;
  records_per_page: string;
  total_records: string;
}

export type MalformKind = "missing_last_name" | "missing_first_name" | "discharge_before_admission" | "impossible_dob" | "unknown_status" | "not_a_date";

/** A fault injected in front of the API, like a gateway or rate limiter would answer. */
export type FaultSpec =
  | { type: "status"; status: number; times?: number; persistent?: boolean; path?: string; message?: string }
  | { type: "rate_limit"; retryAfterSeconds: number; times?: number; persistent?: boolean; path?: string }
  | { type: "delay"; ms: number; times?: number; persistent?: boolean; path?: string }
  | { type: "disconnect"; times?: number; persistent?: boolean; path?: string };

/** One API request as the simulator saw it (never the Authorization header; app_id stripped). */
export interface SimRequestLogEntry {
  seq: number;
  at: string;
  method: string;
  path: string;
  query: Record<string, string>;
  status: number | null;
  fault: string | null;
}
