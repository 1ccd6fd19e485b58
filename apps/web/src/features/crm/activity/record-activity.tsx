"use client";

import { Tabs } from "~/components/ui/tabs";
import { AddNote } from "./add-note";
import { AddTask } from "./add-task";
import { ComposeEmail } from "./compose-email";
import { ComposeSms } from "./compose-sms";
import { LogCall } from "./log-call";
import type { CrmRecordRef } from "./record-ref";
import { RecordTimeline } from "./record-timeline";

/**
 * A lead's or deal's activity section: a composer (note, e-mail, SMS, call, follow-up; one tab each,
 * the chosen one in `?tab=`) above the timeline of everything that happened to it, newest first.
 */
export function RecordActivity({ record, email, phone }: { record: CrmRecordRef; email: string; phone: string }) {
  return (
    <section aria-labelledby="activity-heading" className="flex flex-col gap-4 rounded-lg border border-line bg-surface p-4">
      <h2 id="activity-heading" className="text-base font-semibold">Activity</h2>
      <Tabs
        label="Add to the activity"
        tabs={[
          { id: "note", label: "Note", content: <AddNote record={record} /> },
          { id: "email", label: "E-mail", content: <ComposeEmail record={record} defaultTo={email} /> },
          { id: "sms", label: "SMS", content: <ComposeSms record={record} defaultTo={phone} /> },
          { id: "call", label: "Call", content: <LogCall record={record} defaultTo={phone} /> },
          { id: "task", label: "Follow-up", content: <AddTask record={record} /> },
        ]}
      />
      <RecordTimeline record={record} />
    </section>
  );
}
