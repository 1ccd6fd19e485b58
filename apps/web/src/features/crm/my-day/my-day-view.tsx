"use client";

import { Button } from "~/components/ui/button";
import { ErrorState } from "~/components/ui/error-state";
import { PageHeader } from "~/components/ui/page-header";
import { Skeleton } from "~/components/ui/skeleton";
import { CrmNav } from "../crm-nav";
import { text } from "../format";
import type { Task } from "./my-day-model";
import { MyDayTask, type Due } from "./my-day-task";
import { useMyDay } from "./use-my-day";

/** "My day": the caller's unread reminders, then their open follow-ups — overdue, due today, upcoming, undated — each linking to its lead or deal. */
export function MyDayView() {
  const { day, upcoming, undated, done, pendingTask, markRead, markingRead } = useMyDay();
  const notifications = day.data?.notifications ?? [];
  const counts = day.data ? `${day.data.overdue.length} overdue, ${day.data.today.length} due today` : " ";
  return (
    <>
      <PageHeader title="CRM" description={<span aria-live="polite">My day: {counts}</span>} />
      <CrmNav />
      <div className="flex max-w-4xl flex-col gap-6">
        {notifications.length ? (
          <section aria-labelledby="my-day-reminders" className="rounded-lg border border-line bg-surface p-4">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h2 id="my-day-reminders" className="text-base font-semibold">Reminders</h2>
              <Button disabled={markingRead} onClick={() => markRead(notifications.map((n) => text(n.name)))}>Mark all read</Button>
            </div>
            <ul className="mt-2 flex flex-col gap-1 text-sm">
              {notifications.map((n) => <li key={text(n.name)}>{text(n.subject)}</li>)}
            </ul>
          </section>
        ) : null}
        <TaskSection id="overdue" title="Overdue" due="overdue" query={day} rows={day.data?.overdue} empty="Nothing overdue." pendingTask={pendingTask} onDone={done} />
        <TaskSection id="today" title="Due today" due="today" query={day} rows={day.data?.today} empty="Nothing due today." pendingTask={pendingTask} onDone={done} />
        <TaskSection id="upcoming" title="Upcoming" due="upcoming" query={upcoming} rows={upcoming.data?.rows} empty="Nothing due later." pendingTask={pendingTask} onDone={done} />
        <TaskSection id="undated" title="No due date" due="none" query={undated} rows={undated.data?.rows} empty="Every open follow-up has a due date." pendingTask={pendingTask} onDone={done} />
      </div>
    </>
  );
}

function TaskSection({ id, title, due, query, rows, empty, pendingTask, onDone }: {
  id: string;
  title: string;
  due: Due;
  query: { isError: boolean; refetch: () => unknown };
  rows: Task[] | undefined;
  empty: string;
  pendingTask: string | undefined;
  onDone: (task: Task) => void;
}) {
  const headingId = `my-day-${id}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="mb-2 text-base font-semibold">
        {title}
        {rows ? <span className="font-normal text-muted"> · {rows.length}</span> : null}
      </h2>
      {rows ? (
        rows.length ? (
          <ul className="flex flex-col gap-2">
            {rows.map((task) => <MyDayTask key={text(task.name)} task={task} due={due} busy={pendingTask === text(task.name)} onDone={() => onDone(task)} />)}
          </ul>
        ) : (
          <p className="text-sm text-muted">{empty}</p>
        )
      ) : query.isError ? (
        <ErrorState title={`${title} could not be loaded`} action={<Button variant="primary" onClick={() => void query.refetch()}>Try again</Button>} />
      ) : (
        <div role="status" aria-label={`Loading ${title.toLowerCase()}`} aria-busy="true" className="flex flex-col gap-2">
          <Skeleton className="h-16 w-full" />
        </div>
      )}
    </section>
  );
}
