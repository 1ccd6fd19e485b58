"use client";

import Link from "next/link";
import { Button } from "~/components/ui/button";
import { cx } from "~/components/ui/cx";
import { DateTime } from "~/components/ui/date-time";
import { text } from "../format";
import { referenceHref, type Task } from "./my-day-model";

export type Due = "overdue" | "today" | "upcoming" | "none";

/** When it is due, in words (never colour alone): the date follows. */
const dueWords: Record<Due, string> = { overdue: "was due ", today: "Due today, ", upcoming: "Due ", none: "No due date" };

/** One follow-up: its title, what it is about (a link), when it is due in words, and "Mark done". */
export function MyDayTask({ task, due, busy, onDone }: { task: Task; due: Due; busy: boolean; onDone: () => void }) {
  const title = text(task.title) || text(task.name);
  const href = referenceHref(task.reference_doctype, task.reference_docname);
  const about = text(task.reference_docname);
  return (
    <li className={cx("flex flex-col gap-3 rounded-lg border border-line bg-surface p-4 sm:flex-row sm:items-center", due === "overdue" && "border-l-4 border-l-danger")}>
      <div className="min-w-0 flex-1">
        <p className="font-medium text-fg">{title}</p>
        <p className="mt-0.5 text-sm text-muted">
          {due === "overdue" ? <span className="mr-1 inline-flex rounded-full bg-danger-soft px-2 py-0.5 text-xs font-semibold text-danger">Overdue</span> : null}
          <span>{dueWords[due]}</span>
          {due !== "none" && text(task.due_date) ? <DateTime value={text(task.due_date)} /> : null}
          {text(task.priority) ? <span> · {text(task.priority)} priority</span> : null}
        </p>
        {about ? (
          <p className="mt-0.5 truncate text-sm">
            {href ? <Link href={href} prefetch={false} className="font-mono text-accent underline-offset-2 hover:underline">{about}</Link> : <span className="font-mono text-muted">{about}</span>}
          </p>
        ) : null}
      </div>
      <Button onClick={onDone} disabled={busy} aria-label={`Mark “${title}” done`} className="sm:shrink-0">
        {busy ? "Saving…" : "Mark done"}
      </Button>
    </li>
  );
}
