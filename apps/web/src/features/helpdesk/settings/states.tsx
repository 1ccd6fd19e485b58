"use client";

import Link from "next/link";
import { Button, buttonClasses } from "~/components/ui/button";
import { ErrorState } from "~/components/ui/error-state";
import { Skeleton } from "~/components/ui/skeleton";
import { trpcErrorCode } from "~/trpc/error-code";

/** Loading, failed and missing states of the settings pages. */

export function EditorSkeleton({ label }: { label: string }) {
  return (
    <div aria-busy="true" aria-label={label} className="max-w-4xl space-y-5">
      {Array.from({ length: 3 }, (_, i) => (
        <div key={i} className="space-y-3 rounded-lg border border-line bg-surface p-4 sm:p-5">
          <Skeleton className="h-5 w-40" />
          <Skeleton className="h-10 w-full" />
          <Skeleton className="h-10 w-2/3" />
        </div>
      ))}
    </div>
  );
}

export function ListSkeleton({ label }: { label: string }) {
  return (
    <div aria-busy="true" aria-label={label} className="space-y-2">
      {Array.from({ length: 4 }, (_, i) => (
        <Skeleton key={i} className="h-16 w-full" />
      ))}
    </div>
  );
}

/** A failed load: "not found" (deleted meanwhile, or a mistyped link) gets a way back, anything else a retry. */
export function LoadFailed({ error, retry, backHref, what }: { error: unknown; retry: () => void; backHref: string; what: string }) {
  if (trpcErrorCode(error) === "NOT_FOUND") {
    return (
      <ErrorState title={`${what} not found`} action={<Link href={backHref} className={buttonClasses("secondary")}>Back to the list</Link>}>
        It may have been deleted or renamed.
      </ErrorState>
    );
  }
  return <ErrorState action={<Button onClick={retry}>Try again</Button>} />;
}
