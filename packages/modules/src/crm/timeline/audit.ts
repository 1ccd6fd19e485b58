import type { Executor } from "@orchestrator/db";
import { versions } from "@orchestrator/db/schema";
import { and, asc, eq } from "drizzle-orm";
import { entry, type TimelineEntry } from "./entry";

/** The fields of a record whose changes the timeline shows, per record type; no other field's value leaves the audit trail. */
const WATCHED: Record<"CRM Lead" | "CRM Deal", { owner: string; status: string | null; label: string }> = {
  // A deal's `status` is its stage: its moves come from the stage log, with the time spent in each.
  "CRM Lead": { owner: "lead_owner", status: "status", label: "Lead" },
  "CRM Deal": { owner: "deal_owner", status: null, label: "Deal" },
};

type Change = [string, unknown, unknown];

function changesOf(data: unknown): Change[] {
  const parsed: unknown = typeof data === "string" ? JSON.parse(data) : data;
  const changed = (parsed as { changed?: unknown } | null)?.changed;
  return Array.isArray(changed) ? changed.filter((c): c is Change => Array.isArray(c) && c.length === 3 && typeof c[0] === "string") : [];
}

const name = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);

/**
 * Timeline entries from a record's audit trail (`Version` rows): its creation, and its status, owner
 * and team changes — only those fields, whatever else a Version row holds. Read through the
 * bookkeeping executor: call this only after the caller's scoped read of the record (or of the deal
 * that carries this lead's history) succeeded.
 */
export async function auditEntries(exec: Executor, doctype: "CRM Lead" | "CRM Deal", docname: string): Promise<TimelineEntry[]> {
  const watched = WATCHED[doctype];
  const rows = await exec
    .select({ name: versions.name, action: versions.action, data: versions.data, owner: versions.owner, creation: versions.creation })
    .from(versions)
    .where(and(eq(versions.refDoctype, doctype), eq(versions.docname, docname)))
    .orderBy(asc(versions.creation), asc(versions.id));
  const out: TimelineEntry[] = [];
  for (const row of rows) {
    const key = (field: string) => `version:${row.name}:${field}`;
    const base = { at: row.creation, actor: row.owner };
    if (row.action === "create") out.push(entry({ ...base, key: `created:${doctype}:${docname}`, kind: "created", title: `${watched.label} created` }));
    if (row.action === "delete") continue;
    for (const [field, before, after] of changesOf(row.data)) {
      if (field === watched.status && row.action === "update") out.push(entry({ ...base, key: key(field), kind: "status", title: `Status: ${name(before) ?? "—"} → ${name(after) ?? "—"}`, status: name(after) }));
      else if (field === watched.owner && name(after)) out.push(entry({ ...base, key: key(field), kind: "assignment", title: `Assigned to ${String(after)}`, body: name(before) ? `Was ${String(before)}` : undefined }));
      else if (field === watched.owner && row.action === "update") out.push(entry({ ...base, key: key(field), kind: "assignment", title: "Unassigned", body: name(before) ? `Was ${String(before)}` : undefined }));
      else if (field === "team" && row.action === "update") out.push(entry({ ...base, key: key(field), kind: "assignment", title: name(after) ? `Moved to team ${String(after)}` : "Removed from its team", body: name(before) ? `Was ${String(before)}` : undefined }));
    }
  }
  return out;
}
