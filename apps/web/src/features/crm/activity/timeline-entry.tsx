"use client";

import type { RouterOutputs } from "@orchestrator/modules";
import { DateTime } from "~/components/ui/date-time";

export type TimelineEntry = RouterOutputs["crm"]["timeline"]["entries"][number];

/** What each kind of entry is called, in words (the timeline never relies on colour or icons alone). */
const kindLabels: Record<TimelineEntry["kind"], string> = {
  created: "Created",
  email: "E-mail",
  note: "Note",
  task: "Task",
  call: "Call",
  sms: "SMS",
  status: "Status change",
  assignment: "Assignment",
  stage: "Stage change",
};

/** "E-mail received", "E-mail sent", "Note" (calls and texts say their direction in their title). */
export function entryLabel(entry: TimelineEntry): string {
  const kind = kindLabels[entry.kind] ?? entry.kind;
  if (entry.kind !== "email" || !entry.direction) return kind;
  return `${kind} ${entry.direction === "in" ? "received" : "sent"}`;
}

const borders: Partial<Record<TimelineEntry["kind"], string>> = {
  email: "border-l-accent",
  sms: "border-l-accent",
  call: "border-l-accent",
  status: "border-l-line",
  assignment: "border-l-line",
  stage: "border-l-line",
};

/** One timeline entry as an article: kind and direction in words, when, who, title, body and delivery status. */
export function TimelineItem({ entry }: { entry: TimelineEntry }) {
  const label = entryLabel(entry);
  return (
    <article aria-label={`${label}: ${entry.title}`} className={`rounded-md border border-l-4 border-line bg-surface p-3 ${borders[entry.kind] ?? "border-l-line"}`}>
      <p className="flex flex-wrap items-baseline justify-between gap-2 text-xs text-muted">
        <span>
          <span className="font-semibold tracking-wide uppercase">{label}</span>
          {entry.actor ? <span> · {entry.actor}</span> : null}
        </span>
        <DateTime value={entry.at} />
      </p>
      <p className="mt-1 text-sm font-medium break-words text-fg">{entry.title}</p>
      {entry.body ? <p className="mt-1 text-sm break-words whitespace-pre-line text-fg">{entry.body}</p> : null}
      {/* A status or stage change says its new value in its title already. */}
      {entry.status && entry.kind !== "status" && entry.kind !== "stage" ? <p className="mt-1 text-xs text-muted">Status: {entry.status}</p> : null}
    </article>
  );
}
