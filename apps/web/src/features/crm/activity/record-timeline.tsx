"use client";

import { useQuery } from "@tanstack/react-query";
import { Button } from "~/components/ui/button";
import { ErrorState } from "~/components/ui/error-state";
import { Skeleton } from "~/components/ui/skeleton";
import { useTRPC } from "~/trpc/react";
import { TimelineItem } from "./timeline-entry";
import type { CrmRecordRef } from "./record-ref";

/**
 * A lead's or deal's activity, newest first: e-mails sent and received, notes, calls, SMS, tasks,
 * status and stage changes, assignments (a deal's includes the lead it came from), from `crm.timeline`.
 */
export function RecordTimeline({ record }: { record: CrmRecordRef }) {
  const trpc = useTRPC();
  const timeline = useQuery(trpc.crm.timeline.queryOptions(record));
  if (timeline.isPending) {
    return (
      <div role="status" aria-label="Loading the activity" aria-busy="true" className="flex flex-col gap-2">
        {[0, 1, 2].map((i) => <Skeleton key={i} className="h-16 w-full" />)}
      </div>
    );
  }
  if (timeline.isError) return <ErrorState title="The activity could not be loaded" action={<Button onClick={() => void timeline.refetch()}>Try again</Button>} />;
  const entries = [...timeline.data.entries].reverse();
  if (!entries.length) return <p className="text-sm text-muted">No activity yet.</p>;
  return (
    <ol aria-label="Activity, newest first" className="flex flex-col gap-3 border-t border-line pt-4">
      {entries.map((entry) => (
        <li key={entry.key}>
          <TimelineItem entry={entry} />
        </li>
      ))}
    </ol>
  );
}
