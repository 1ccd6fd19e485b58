"use client";

import { DateTime } from "~/components/ui/date-time";
import { cx } from "~/components/ui/cx";
import type { ActivityEntry, ThreadEntry } from "./ticket-types";

/**
 * The conversation, oldest first. Internal notes are set apart — amber, dashed, labelled "Internal
 * note · not visible to the customer" — so nobody mistakes one for a reply the customer saw.
 */
export function TicketThread({ description, raisedBy, opened, comments, agentName }: { description: string | null | undefined; raisedBy: string | null | undefined; opened: string | null | undefined; comments: ThreadEntry[]; agentName: (u: string | null | undefined) => string }) {
  return (
    <section aria-labelledby="thread-heading">
      <h2 id="thread-heading" className="mb-2 text-sm font-semibold">Conversation</h2>
      <ol className="flex flex-col gap-3">
        <li>
          <article aria-label="Original request" className="rounded-lg border border-line bg-surface p-4">
            <p className="text-xs text-muted">{raisedBy ?? "Requester"} · <DateTime value={opened} /></p>
            <p className="mt-2 text-sm whitespace-pre-wrap">{description || <span className="text-muted">No description.</span>}</p>
          </article>
        </li>
        {comments.map((c) => {
          const note = c.comment_type === "Internal Note";
          return (
            <li key={c.name}>
              <article aria-label={`${note ? "Internal note" : "Reply"} by ${agentName(c.commented_by) || "unknown"}`} className={cx("rounded-lg border p-4", note ? "border-dashed border-warn bg-warn-soft" : "border-line bg-surface")}>
                <p className="flex flex-wrap items-center gap-x-2 text-xs text-muted">
                  {note ? <span className="rounded-full border border-warn px-2 py-0.5 font-semibold text-warn">Internal note · not visible to the customer</span> : <span className="font-semibold text-fg">{c.source === "Portal" || c.source === "Email" ? "Customer reply" : "Reply"}</span>}
                  <span>{agentName(c.commented_by)}</span>
                  <span aria-hidden="true">·</span>
                  <DateTime value={c.creation} />
                </p>
                <p className="mt-2 text-sm whitespace-pre-wrap">{c.content}</p>
              </article>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** What happened to the ticket (created, status, assignment, SLA, escalations), newest first. */
export function ActivityLog({ activities }: { activities: ActivityEntry[] }) {
  const items = [...activities].reverse();
  return (
    <section aria-labelledby="activity-heading" className="rounded-lg border border-line bg-surface p-4">
      <h2 id="activity-heading" className="mb-2 text-sm font-semibold">Activity</h2>
      {items.length ? (
        <ol className="flex flex-col gap-2 text-sm">
          {items.map((a) => (
            <li key={a.name} className="border-l-2 border-line pl-3">
              <p>{a.action}</p>
              <p className="text-xs text-muted"><DateTime value={a.creation} /></p>
            </li>
          ))}
        </ol>
      ) : <p className="text-sm text-muted">No activity yet.</p>}
    </section>
  );
}
