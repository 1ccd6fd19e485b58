import type { ScopedDb } from "@orchestrator/db";
import { emailQueue } from "@orchestrator/db/schema";
import { inArray } from "drizzle-orm";
import { entry, formatDuration, type TimelineEntry } from "./entry";

export interface Reference {
  doctype: string;
  name: string;
}

type Row = Record<string, unknown>;

/** Rows of `doctype` about any of `refs`, through the caller's scope (what they may not read is simply absent). */
async function about(scoped: ScopedDb, doctype: string, refs: readonly Reference[]): Promise<Row[]> {
  const pages = await Promise.all(
    refs.map((r) => scoped.list(doctype, { filters: [{ field: "reference_doctype", operator: "=", value: r.doctype }, { field: "reference_docname", operator: "=", value: r.name }], fields: ["*"], orderBy: [{ field: "creation", direction: "asc" }], limit: 0 })),
  );
  return pages.flat();
}

/** The outbox's word on sent messages, by Message-ID: Queued (not sent yet, or being sent), Sent, Error. */
async function deliveryStatuses(scoped: ScopedDb, messageIds: string[]): Promise<Map<string, string>> {
  if (!messageIds.length) return new Map();
  const rows = await scoped.bookkeepingExecutor().select({ id: emailQueue.messageId, status: emailQueue.status }).from(emailQueue).where(inArray(emailQueue.messageId, messageIds));
  return new Map(rows.map((r) => [r.id, r.status === "Sent" || r.status === "Error" ? r.status : "Queued"]));
}

/** E-mails (Communication): sent ones with their delivery status, received ones as such. */
export async function emailEntries(scoped: ScopedDb, refs: readonly Reference[]): Promise<TimelineEntry[]> {
  const rows = await about(scoped, "Communication", refs);
  const sent = rows.filter((r) => r.sent_or_received === "Sent" && typeof r.message_id === "string").map((r) => String(r.message_id));
  const delivery = await deliveryStatuses(scoped, sent);
  return rows.map((r) => {
    const out = r.sent_or_received === "Sent";
    return entry({ key: `email:${String(r.name)}`, at: r.creation, kind: "email", title: typeof r.subject === "string" && r.subject ? r.subject : "(no subject)", body: r.content, direction: out ? "out" : "in", status: out ? (delivery.get(String(r.message_id)) ?? "Queued") : "Received", actor: out ? r.user : r.sender });
  });
}

/** Notes, tasks, calls and texts about the references. */
export async function activityEntries(scoped: ScopedDb, refs: readonly Reference[]): Promise<TimelineEntry[]> {
  const [notes, tasks, calls, texts] = await Promise.all([about(scoped, "CRM Note", refs), about(scoped, "CRM Task", refs), about(scoped, "CRM Call Log", refs), about(scoped, "CRM SMS Log", refs)]);
  const direction = (r: Row) => (r.direction === "Incoming" ? "in" : "out") as "in" | "out";
  return [
    ...notes.map((r) => entry({ key: `note:${String(r.name)}`, at: r.creation, kind: "note", title: typeof r.title === "string" && r.title ? r.title : "Note", body: r.content, actor: r.owner })),
    ...tasks.map((r) => entry({ key: `task:${String(r.name)}`, at: r.creation, kind: "task", title: String(r.title), body: r.description, status: r.status, actor: r.owner })),
    ...calls.map((r) => entry({ key: `call:${String(r.name)}`, at: r.creation, kind: "call", title: direction(r) === "in" ? "Incoming call" : "Outgoing call", body: r.note, direction: direction(r), status: r.status, actor: r.agent })),
    ...texts.map((r) => entry({ key: `sms:${String(r.name)}`, at: r.creation, kind: "sms", title: direction(r) === "in" ? "Text received" : "Text sent", body: r.body, direction: direction(r), status: r.status, actor: r.agent })),
  ];
}

/**
 * A deal's stage moves (its stage log), with the time spent in the stage it left. The first row (no
 * previous stage) is the stage the deal was created in: returned as `initial`, for its creation entry.
 */
export async function stageEntries(scoped: ScopedDb, deal: string): Promise<{ entries: TimelineEntry[]; initial: string | null }> {
  const rows = await scoped.list("CRM Deal Stage Change", { filters: [{ field: "deal", operator: "=", value: deal }], fields: ["name", "from_stage", "to_stage", "changed_at", "seconds_in_previous_stage", "owner"], orderBy: [{ field: "changed_at", direction: "asc" }], limit: 0 });
  const first = rows.find((r) => !r.from_stage);
  const entries = rows.flatMap((r) => {
    const from = typeof r.from_stage === "string" && r.from_stage ? r.from_stage : null;
    if (!from) return [];
    const seconds = typeof r.seconds_in_previous_stage === "number" ? r.seconds_in_previous_stage : null;
    return [entry({ key: `stage:${String(r.name)}`, at: r.changed_at, kind: "stage", title: `Stage: ${from} → ${String(r.to_stage)}`, body: seconds !== null ? `${formatDuration(seconds)} in ${from}` : undefined, status: r.to_stage, actor: r.owner })];
  });
  return { entries, initial: first ? String(first.to_stage) : null };
}
