/** Coercions from stored document values (JSON, 0/1 flags, nullable columns) to the settings API's shapes. */

export type Row = Record<string, unknown>;

export const str = (v: unknown): string => (v === null || v === undefined ? "" : String(v));
export const strOrNull = (v: unknown): string | null => (v === null || v === undefined || v === "" ? null : String(v));
export const flag = (v: unknown): boolean => v === true || Number(v) === 1;
export const intOrNull = (v: unknown): number | null => (v === null || v === undefined || v === "" || !Number.isFinite(Number(v)) ? null : Number(v));
export const isRecord = (v: unknown): v is Row => typeof v === "object" && v !== null && !Array.isArray(v);
export const stringList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** A child table of a document as returned by `ScopedDb.get` (ordered by `idx`). */
export const childRows = (doc: Row, key: string): Row[] => (Array.isArray(doc[key]) ? (doc[key] as unknown[]).filter(isRecord) : []);

/** 0/1 for a check field. */
export const check = (v: boolean): 0 | 1 => (v ? 1 : 0);
