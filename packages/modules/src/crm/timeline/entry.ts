import { z } from "zod";

export const TIMELINE_KINDS = ["created", "email", "note", "task", "call", "sms", "status", "assignment", "stage"] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** One line of a lead's or deal's history. `at` is a stored timestamp (`2026-11-24 14:15:21.123456`, UTC), as every document's `creation`. */
export const timelineEntrySchema = z.object({
  key: z.string(),
  at: z.string(),
  kind: z.enum(TIMELINE_KINDS),
  title: z.string(),
  body: z.string().optional(),
  direction: z.enum(["in", "out"]).optional(),
  status: z.string().optional(),
  actor: z.string().optional(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/** Which of the timeline's kinds come first when two entries share a timestamp (a record's creation before what it started). */
const ORDER: Record<TimelineKind, number> = { created: 0, assignment: 1, stage: 2, status: 3, email: 4, sms: 4, call: 4, note: 4, task: 4 };

/** Oldest first; ties by kind, then key, so the order is the same on every read. */
export function byTime(a: TimelineEntry, b: TimelineEntry): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  if (ORDER[a.kind] !== ORDER[b.kind]) return ORDER[a.kind] - ORDER[b.kind];
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Builds an entry without keys whose value is undefined or null (the output schema has no nulls). */
export function entry(fields: { key: string; at: unknown; kind: TimelineKind; title: string; body?: unknown; direction?: "in" | "out" | undefined; status?: unknown; actor?: unknown }): TimelineEntry {
  const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : undefined);
  const out: TimelineEntry = { key: fields.key, at: String(fields.at ?? ""), kind: fields.kind, title: fields.title };
  const body = text(fields.body);
  const status = text(fields.status);
  const actor = text(fields.actor);
  if (body !== undefined) out.body = body;
  if (fields.direction) out.direction = fields.direction;
  if (status !== undefined) out.status = status;
  if (actor !== undefined) out.actor = actor;
  return out;
}

/** "2 d 3 h", "5 h 12 min", "40 s": how long a deal stayed in a stage. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3_600);
  const m = Math.floor((s % 3_600) / 60);
  if (d) return h ? `${d} d ${h} h` : `${d} d`;
  if (h) return m ? `${h} h ${m} min` : `${h} h`;
  if (m) return `${m} min`;
  return `${s} s`;
}
