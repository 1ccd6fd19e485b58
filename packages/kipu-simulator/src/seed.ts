import type { KipuPatientJson, SimPatient } from "./types";

/**
 * Deterministic fake patients. Names are drawn independently from first-name and surname lists, so
 * every person is invented; ids, MR numbers and UUIDs come from the same seeded PRNG. Dates are laid
 * out relative to the simulator's "today" so the demo census looks current; fix the clock in tests
 * for fully reproducible dates.
 */

/** mulberry32: a tiny, well-distributed 32-bit PRNG; good enough for fixtures, not for crypto. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ["Avery", "Blake", "Carmen", "Dario", "Elena", "Felix", "Greta", "Hugo", "Ines", "Jonah", "Kira", "Lucas", "Mara", "Nolan", "Olive", "Pablo", "Quinn", "Rosa", "Silas", "Tessa", "Umar", "Vera", "Wes", "Xenia", "Yara", "Zane", "Adele", "Bruno", "Celia", "Dmitri", "Esme", "Flynn", "Gia", "Hector", "Ivy", "Jude", "Kaia", "Leon", "Maeve", "Nico", "Orla", "Pierce", "Rhea", "Soren", "Talia", "Viggo", "Wren", "Zora"];
const LAST = ["Abernathy", "Bellweather", "Castellan", "Dunmore", "Everhart", "Fairbrook", "Galloway", "Hollister", "Ingleby", "Jarrow", "Kettering", "Larkspur", "Merriweather", "Northcott", "Oakhurst", "Pemberly", "Quillan", "Ravenhill", "Stonebridge", "Thistlewood", "Underhill", "Vantongeren", "Whitlock", "Yarborough", "Ashcombe", "Brightwater", "Coldwell", "Dovecote", "Elderfield", "Foxmoor", "Greenhalgh", "Heathcote", "Ironside", "Juniper", "Kingsley", "Lockwood", "Marchetti", "Nightingale", "Ortolan", "Pennington", "Redgrave", "Silverton", "Trelawney", "Vasquez-Moreno", "Wexley", "Zabrowski"];
const PROGRAMS = ["Adult Residential", "Detox", "Partial Hospitalization", "Intensive Outpatient", "Young Adult Residential"];
const LEVELS = ["Detox", "Residential", "PHP", "IOP", "OP"];
const DISCHARGE_TYPES = ["Successful Completion", "Against Medical Advice", "Administrative Discharge", "Transfer to Higher Level of Care"];
const INSURERS = ["Blue Harbor Health", "Summit Mutual", "Northstar Care Plan", "Self Pay"];
const BUILDINGS = ["North Lodge", "Cedar House", "Main Campus"];

const DAY = 86_400_000;

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

function uuid(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16));
  hex[12] = "4"; // version 4 layout
  hex[16] = ((Math.floor(rand() * 4) + 8) as number).toString(16); // RFC 4122 variant
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** Builds patient number `index` of a seeded population; `todayMs` anchors the dates. */
export function generatePatient(rand: () => number, index: number, todayMs: number): SimPatient {
  const patientId = 10_001 + index;
  const patientMasterId = uuid(rand);
  const roll = rand();
  // Roughly: 55% in treatment, 35% discharged, 10% pre-admission (admission scheduled ahead).
  const status = roll < 0.55 ? "admitted" : roll < 0.9 ? "discharged" : "pre_admission";
  const ageYears = 18 + Math.floor(rand() * 52);
  const dobMs = todayMs - ageYears * 365.25 * DAY - Math.floor(rand() * 365) * DAY;
  let admissionMs: number;
  let dischargeMs: number | null = null;
  if (status === "pre_admission") {
    admissionMs = todayMs + (1 + Math.floor(rand() * 14)) * DAY;
  } else if (status === "admitted") {
    admissionMs = todayMs - Math.floor(rand() * 90) * DAY;
  } else {
    admissionMs = todayMs - (30 + Math.floor(rand() * 700)) * DAY;
    dischargeMs = Math.min(todayMs, admissionMs + (5 + Math.floor(rand() * 85)) * DAY);
  }
  // Created at intake (a few days before admission, never in the future); touched since then.
  const createdMs = Math.min(todayMs, admissionMs - Math.floor(rand() * 5) * DAY) - Math.floor(rand() * DAY);
  const updatedMs = createdMs + Math.floor(rand() * Math.max(1, todayMs - createdMs));
  const hour = (h: number) => Math.floor(h * 60) * 60_000; // whole minutes, like a clinician enters them
  const data: KipuPatientJson = {
    casefile_id: `${patientId}:${patientMasterId}`,
    first_name: pick(rand, FIRST),
    middle_name: rand() < 0.4 ? pick(rand, FIRST).slice(0, 1) : null,
    last_name: pick(rand, LAST),
    dob: isoDay(dobMs),
    gender: rand() < 0.5 ? "Female" : "Male",
    mr_number: `MR-${String(patientId).padStart(7, "0")}`,
    status,
    admission_date: new Date(Math.floor(admissionMs / DAY) * DAY + hour(8 + rand() * 8)).toISOString(),
    discharge_date: dischargeMs === null ? null : new Date(Math.floor(dischargeMs / DAY) * DAY + hour(9 + rand() * 8)).toISOString(),
    discharge_type: dischargeMs === null ? null : pick(rand, DISCHARGE_TYPES),
    sobriety_date: rand() < 0.7 ? isoDay(admissionMs - Math.floor(rand() * 10) * DAY) : null,
    program: pick(rand, PROGRAMS),
    level_of_care: pick(rand, LEVELS),
    location_id: 1,
    location_name: "Orchestrator Demo Recovery Center",
    building_name: pick(rand, BUILDINGS),
    room_name: status === "admitted" ? `Room ${100 + Math.floor(rand() * 40)}` : null,
    bed_name: status === "admitted" ? (rand() < 0.5 ? "A" : "B") : null,
    insurances: [{ insurance_company: pick(rand, INSURERS), priority: "primary" }],
    created_at: new Date(createdMs).toISOString(),
    last_updated_at: new Date(Math.min(updatedMs, todayMs)).toISOString(),
  };
  return { patientId, patientMasterId, data, deletedAt: null };
}

/**
 * A population of `count` census patients plus `deleted` soft-deleted ones (in the vault), all from
 * `seed`. The deleted ones get the highest indices so the census part is stable when only the number
 * of deleted patients changes.
 */
export function generatePopulation(opts: { seed: number; count: number; deleted: number; nowMs: number }): SimPatient[] {
  const rand = prng(opts.seed);
  const out: SimPatient[] = [];
  for (let i = 0; i < opts.count + opts.deleted; i++) {
    const p = generatePatient(rand, i, opts.nowMs);
    if (i >= opts.count) {
      const updated = Date.parse(p.data.last_updated_at);
      p.deletedAt = new Date(updated + Math.floor((opts.nowMs - updated) / 2)).toISOString();
    }
    out.push(p);
  }
  return out;
}
