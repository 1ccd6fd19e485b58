import { v7 as uuidv7 } from "uuid";
import type { Executor } from "../client";
import { versions, accessLog } from "../schema";
import type { FieldDef } from "./doctype";
import { insertRows } from "./rows";

export const MASK = "***";

/** Frappe's Version data: field changes, and per child table the rows added, removed and changed. */
export interface VersionData {
  changed: [string, unknown, unknown][];
  added: [string, Record<string, unknown>][];
  removed: [string, Record<string, unknown>][];
  row_changed: [string, number, string, [string, unknown, unknown][]][];
}

export interface RequestMeta {
  requestId?: string | undefined;
  ip?: string | undefined;
}

const emptyData = (): VersionData => ({ changed: [], added: [], removed: [], row_changed: [] });

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function maskRow(fields: Record<string, FieldDef>, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    const def = fields[k];
    if (def?.hidden) continue;
    out[k] = def?.sensitive && v !== null && v !== undefined ? MASK : v;
  }
  return out;
}

export function fieldChanges(fields: Record<string, FieldDef>, before: Record<string, unknown>, after: Record<string, unknown>): [string, unknown, unknown][] {
  const out: [string, unknown, unknown][] = [];
  for (const [field, def] of Object.entries(fields)) {
    if (def.hidden) continue;
    const a = before[field] ?? null;
    const b = after[field] ?? null;
    if (same(a, b)) continue;
    out.push(def.sensitive ? [field, a === null ? null : MASK, b === null ? null : MASK] : [field, a, b]);
  }
  return out;
}

export interface ChildDiffInput {
  table: string;
  fields: Record<string, FieldDef>;
  before: Record<string, unknown>[];
  after: Record<string, unknown>[];
}

/** Builds the Version data for a document change, sensitive fields masked. */
export function diffDocument(fields: Record<string, FieldDef>, before: Record<string, unknown>, after: Record<string, unknown>, children: ChildDiffInput[] = []): VersionData {
  const data = emptyData();
  data.changed = fieldChanges(fields, before, after);
  for (const child of children) {
    const beforeByName = new Map(child.before.map((r) => [String(r.name), r]));
    const afterNames = new Set(child.after.map((r) => String(r.name)));
    for (const row of child.after) {
      const prev = beforeByName.get(String(row.name));
      if (!prev) { data.added.push([child.table, maskRow(child.fields, row)]); continue; }
      const changes = fieldChanges(child.fields, prev, row);
      if (changes.length) data.row_changed.push([child.table, Number(row.idx ?? 0), String(row.name), changes]);
    }
    for (const row of child.before) if (!afterNames.has(String(row.name))) data.removed.push([child.table, maskRow(child.fields, row)]);
  }
  return data;
}

export function isEmptyDiff(data: VersionData): boolean {
  return !data.changed.length && !data.added.length && !data.removed.length && !data.row_changed.length;
}

export interface VersionInput {
  doctype: string;
  docname: string;
  action: "create" | "update" | "delete";
  data: VersionData;
  actor: string;
  at: string;
  meta: RequestMeta;
}

function versionRow(input: VersionInput): typeof versions.$inferInsert {
  return {
    name: uuidv7(),
    refDoctype: input.doctype,
    docname: input.docname,
    action: input.action,
    data: input.data,
    owner: input.actor,
    creation: input.at,
    requestId: input.meta.requestId ?? null,
    ip: input.meta.ip ?? null,
  };
}

export async function writeVersion(exec: Executor, input: VersionInput): Promise<void> {
  await exec.insert(versions).values(versionRow(input));
}

/** One Version row per input, as multi-row INSERTs (a batch insert's audit, in its transaction). */
export async function writeVersions(exec: Executor, inputs: VersionInput[], chunk = 500): Promise<void> {
  await insertRows(exec, versions, inputs.map(versionRow), { chunk });
}

export async function writeAccessLog(exec: Executor, input: { doctype: string; docname: string; actor: string; at: string; meta: RequestMeta }): Promise<void> {
  await exec.insert(accessLog).values({ user: input.actor, refDoctype: input.doctype, docname: input.docname, creation: input.at, requestId: input.meta.requestId ?? null, ip: input.meta.ip ?? null });
}
