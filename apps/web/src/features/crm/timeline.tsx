"use client";

import { DateTime } from "~/components/ui/date-time";
import { formatDuration, text } from "./format";

type Row = Record<string, unknown>;
export interface TimelineEntry {
  key: string;
  at: string;
  kind: string;
  title: string;
  body?: string | undefined;
}

const kindLabels: Record<string, string> = { notes: "Note", tasks: "Task", calls: "Call", messages: "SMS", stages: "Stage change" };

/** Notes, tasks, calls, SMS and stage changes as one list of entries, oldest first. */
export function timelineEntries(activities: Record<string, Row[]>, stages: Row[] = []): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const [kind, rows] of Object.entries(activities)) {
    for (const r of rows) {
      const title = kind === "notes" ? text(r.title) || "Note" : kind === "tasks" ? `${text(r.title)}${text(r.status) ? ` (${text(r.status)})` : ""}` : `${text(r.direction) || ""} ${kindLabels[kind] ?? kind}`.trim();
      const body = kind === "notes" ? text(r.content) : kind === "tasks" ? text(r.description) : text(r.body) || text(r.message) || text(r.note);
      entries.push({ key: `${kind}:${text(r.name)}`, at: text(r.creation), kind: kindLabels[kind] ?? kind, title, body });
    }
  }
  for (const s of stages) {
    const from = text(s.from_stage);
    const spent = formatDuration(s.seconds_in_previous_stage);
    entries.push({ key: `stage:${text(s.name)}`, at: text(s.changed_at), kind: "Stage change", title: from ? `${from} → ${text(s.to_stage)}` : `Created in ${text(s.to_stage)}`, body: from && spent ? `${spent} in ${from}` : undefined });
  }
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}

/** The record's activity, oldest first, as an ordered list of articles. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  if (!entries.length) return <p className="text-sm text-muted">No activity yet.</p>;
  return (
    <ol className="flex flex-col gap-3">
      {entries.map((e) => (
        <li key={e.key}>
          <article aria-label={`${e.kind}: ${e.title}`} className="rounded-md border border-line bg-surface p-3">
            <p className="flex flex-wrap items-baseline justify-between gap-2 text-xs text-muted">
              <span className="font-semibold tracking-wide uppercase">{e.kind}</span>
              <DateTime value={e.at} />
            </p>
            <p className="mt-1 text-sm font-medium text-fg">{e.title}</p>
            {e.body ? <p className="mt-1 text-sm whitespace-pre-line text-fg">{e.body}</p> : null}
          </article>
        </li>
      ))}
    </ol>
  );
}
