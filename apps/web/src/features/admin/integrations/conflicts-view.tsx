"use client";

import type { RouterOutputs } from "@orchestrator/modules";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { DateTime } from "~/components/ui/date-time";
import { EmptyState } from "~/components/ui/empty-state";
import { ErrorState } from "~/components/ui/error-state";
import { OffsetPager } from "~/components/ui/offset-pager";
import { PageHeader } from "~/components/ui/page-header";
import { Skeleton } from "~/components/ui/skeleton";
import { toast } from "~/components/ui/toast";
import { clientHref } from "~/features/clients/client-href";
import { useTRPC } from "~/trpc/react";
import { toastError } from "../errors";
import { fieldLabel, fieldValue, REVIEW_PAGE, runHref, sourceLabel } from "./format";
import { ReviewList, type ReviewColumn } from "./review-list";

type Conflict = RouterOutputs["sync"]["conflicts"]["rows"][number];

const link = (href: string, text: string) => <Link href={href} className="font-medium text-accent underline-offset-2 hover:underline">{text}</Link>;

const columns: ReviewColumn<Conflict>[] = [
  { label: "Client", cell: (c) => link(clientHref(c.client), c.client) },
  { label: "Field", cell: (c) => fieldLabel(c.field) },
  { label: "Local value", cell: (c) => fieldValue(c.field, c.local_value) },
  { label: "Source value", cell: (c) => <>{fieldValue(c.field, c.source_value)} <span className="text-xs text-muted">({sourceLabel(c.source)})</span></> },
  { label: "Raised by", cell: (c) => <>{link(runHref(c.run), c.run)} <span className="block text-xs text-muted"><DateTime value={c.creation} /></span></> },
];

/** Fields changed both here and at the source since the last sync: keep ours or take the source's. */
export function ConflictsView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [start, setStart] = useState(0);
  const list = useQuery({ ...trpc.sync.conflicts.queryOptions({ start, limit: REVIEW_PAGE }), placeholderData: keepPreviousData });
  const resolve = useMutation(
    trpc.sync.resolveConflict.mutationOptions({
      onSuccess: (c) => toast.success(c.status === "kept_local" ? `Kept the local ${fieldLabel(c.field).toLowerCase()} of ${c.client}` : `Took ${sourceLabel(c.source)}'s ${fieldLabel(c.field).toLowerCase()} for ${c.client}`),
      onError: toastError,
      onSettled: () => void queryClient.invalidateQueries({ queryKey: trpc.sync.conflicts.queryKey() }),
    }),
  );
  const actions = (c: Conflict) => {
    const what = `${fieldLabel(c.field).toLowerCase()} of ${c.client}`;
    return (
      <>
        <Button aria-label={`Keep local ${what}`} disabled={resolve.isPending} onClick={() => resolve.mutate({ name: c.name, resolution: "keep_local" })}>Keep local</Button>
        <Button aria-label={`Take ${sourceLabel(c.source)} ${what}`} disabled={resolve.isPending} onClick={() => resolve.mutate({ name: c.name, resolution: "take_source" })}>Take {sourceLabel(c.source)}</Button>
      </>
    );
  };
  return (
    <>
      <PageHeader title="Sync conflicts" description="A field changed here and at the source since the last sync. The local value stays until you decide." />
      {list.isPending ? (
        <div aria-busy="true" aria-label="Loading conflicts" className="space-y-2">{Array.from({ length: 3 }, (_, i) => <Skeleton key={i} className="h-12 w-full" />)}</div>
      ) : list.isError ? (
        <ErrorState action={<Button onClick={() => void list.refetch()}>Try again</Button>} />
      ) : list.data.rows.length === 0 ? (
        <EmptyState title="No open conflicts">Fields changed on both sides show up here for a decision.</EmptyState>
      ) : (
        <>
          <ReviewList label="Open conflicts" rows={list.data.rows} rowKey={(c) => c.name} columns={columns} actions={actions} />
          <OffsetPager start={start} count={list.data.rows.length} total={list.data.total} pageSize={REVIEW_PAGE} onStart={setStart} />
        </>
      )}
    </>
  );
}
