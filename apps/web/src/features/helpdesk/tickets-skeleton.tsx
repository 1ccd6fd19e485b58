import { Skeleton } from "~/components/ui/skeleton";

/** Placeholder rows while the first page of tickets loads (cards on phones, a table from md up). */
export function TicketsSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <div aria-busy="true" aria-label="Loading tickets" role="status">
      <div className="space-y-2 md:hidden">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="rounded-lg border border-line bg-surface p-4">
            <Skeleton className="h-4 w-56" />
            <Skeleton className="mt-2 h-3 w-24" />
            <Skeleton className="mt-4 h-3 w-full" />
          </div>
        ))}
      </div>
      <div className="hidden overflow-hidden rounded-lg border border-line bg-surface md:block">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="flex gap-6 border-b border-line px-4 py-4 last:border-0">
            <Skeleton className="h-4 w-5" />
            <Skeleton className="h-4 w-64" />
            <Skeleton className="h-4 w-16" />
            <Skeleton className="h-4 w-14" />
            <Skeleton className="h-4 w-24" />
            <Skeleton className="h-4 w-36" />
          </div>
        ))}
      </div>
    </div>
  );
}
