import type { ScopedDb } from "@orchestrator/db";
import type { CommsDoctype } from "../comms/record-context";
import { str } from "../hooks/person-fields";
import { auditEntries } from "./audit";
import { byTime, entry, type TimelineEntry } from "./entry";
import { activityEntries, emailEntries, stageEntries, type Reference } from "./sources";

/**
 * A lead's or deal's history, oldest first: its creation, e-mails (with delivery status), notes,
 * tasks, calls, texts, and its status, owner and team changes from the audit trail; for a deal also
 * its stage moves (time in the previous stage) and everything of the lead it came from. The record is
 * read in the caller's scope first (NOT FOUND otherwise); documents about it are listed in that scope
 * too; the audit rows, which only the record's read entitles the caller to, are reduced to the
 * watched fields (`auditEntries`).
 */
export async function timeline(scoped: ScopedDb, input: { doctype: CommsDoctype; name: string }): Promise<{ entries: TimelineEntry[] }> {
  const record = await scoped.get(input.doctype, input.name);
  const lead = input.doctype === "CRM Deal" ? str(record.lead) : null;
  const refs: Reference[] = [{ doctype: input.doctype, name: record.name }, ...(lead ? [{ doctype: "CRM Lead", name: lead }] : [])];
  const exec = scoped.bookkeepingExecutor();
  const [emails, activities, stages, own, fromLead] = await Promise.all([
    emailEntries(scoped, refs),
    activityEntries(scoped, refs),
    input.doctype === "CRM Deal" ? stageEntries(scoped, record.name) : Promise.resolve({ entries: [], initial: null }),
    auditEntries(exec, input.doctype, record.name),
    lead ? auditEntries(exec, "CRM Lead", lead) : Promise.resolve([]),
  ]);
  const entries = [...emails, ...activities, ...stages.entries, ...own, ...fromLead];
  const createdKey = `created:${input.doctype}:${record.name}`;
  // Records written before the audit trail (or by a bulk path without one) still show their creation.
  if (!entries.some((e) => e.key === createdKey)) entries.push(entry({ key: createdKey, at: record.creation, kind: "created", title: `${input.doctype === "CRM Lead" ? "Lead" : "Deal"} created`, actor: record.owner }));
  // A deal's first stage is part of its creation (the stage log's row is stamped a moment before the deal's own).
  const created = entries.find((e) => e.key === createdKey);
  if (created && stages.initial) created.body = `In ${stages.initial}`;
  return { entries: entries.sort(byTime) };
}
