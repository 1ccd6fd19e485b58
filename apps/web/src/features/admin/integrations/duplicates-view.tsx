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
import { fieldValue, personName, REVIEW_PAGE, runHref, sourceLabel } from "./format";
import { ReviewList, type ReviewColumn } from "./review-list";

type Duplicate = RouterOutputs["sync"]["duplicates"]["rows"][number];

const link = (href: string, text: string) => <Link href={href} className="font-medium text-accent underline-offset-2 hover:underline">{text}</Link>;

const columns: ReviewColumn<Duplicate>[] = [
  { label: "Source record", cell: (d) => <>{personName({ before: null, after: d.source_values }) || "—"} <span className="block text-xs text-muted">{sourceLabel(d.source)} {d.external_id}</span></> },
  { label: "Date of birth", cell: (d) => fieldValue("dob", d.source_values.dob) },
  { label: "Looks like", cell: (d) => link(clientHref(d.client), d.client) },
  { label: "Found by", cell: (d) => <>{link(runHref(d.run), d.run)} <span className="block text-xs text-muted"><DateTime value={d.creation} /></span></> },
];

/** Source records that match a local client by name and date of birth: merge them or keep both. */
export function DuplicatesView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [start, setStart] = useState(0);
  const list = useQuery({ ...trpc.sync.duplicates.queryOptions({ start, limit: REVIEW_PAGE }), placeholderData: keepPreviousData });
  const resolve = useMutation(
    trpc.sync.resolveDuplicate.mutationOptions({
      onSuccess: (d) => toast.success(d.status === "merged" ? `Merged ${sourceLabel(d.source)} record ${d.external_id} into ${d.client}` : `Created ${d.created_client ?? "a new client"} for ${sourceLabel(d.source)} record ${d.external_id}`),
      onError: toastError,
      onSettled: () => void queryClient.invalidateQueries({ queryKey: trpc.sync.duplicates.queryKey() }),
    }),
  );
  const actions = (d: Duplicate) => (
    <>
      <Button aria-label={`Merge record ${d.external_id} into ${d.client}`} disabled={resolve.isPending} onClick={() => resolve.mutate({ name: d.name, resolution: "merge" })}>Merge</Button>
      <Button aria-label={`Create record ${d.external_id} as a new client`} disabled={resolve.isPending} onClick={() => resolve.mutate({ name: d.name, resolution: "dismiss" })}>Create as new</Button>
    </>
  );
  return (
    <>
      <PageHeader title="Possible duplicates" description="Records from a source that match an existing client by name and date of birth. Nothing is merged without you." />
      {list.isPending ? (
        <div aria-busy="true" aria-label="Loading duplicates" className="space-y-2">{Array.from({ length: 3 }, (_, i) => <Skeleton key={i} className="h-12 w-full" />)}</div>
      ) : list.isError ? (
        <ErrorState action={<Button onClick={() => void list.refetch()}>Try again</Button>} />
      ) : list.data.rows.length === 0 ? (
        <EmptyState title="No possible duplicates">Source records that look like an existing client wait here for a decision.</EmptyState>
      ) : (
        <>
          <ReviewList label="Possible duplicates" rows={list.data.rows} rowKey={(d) => d.name} columns={columns} actions={actions} />
          <OffsetPager start={start} count={list.data.rows.length} total={list.data.total} pageSize={REVIEW_PAGE} onStart={setStart} />
        </>
      )}
    </>
  );
}
