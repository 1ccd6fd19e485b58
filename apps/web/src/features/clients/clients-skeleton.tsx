import { Skeleton } from "~/components/ui/skeleton";

/** Placeholder rows while the first page loads (cards on phones, a table from md up). */
export function ClientsSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <div aria-busy="true" aria-label="Loading clients" role="status">
      <div className="space-y-2 md:hidden">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="rounded-lg border border-line bg-surface p-4">
            <Skeleton className="h-4 w-40" />
            <Skeleton className="mt-2 h-3 w-20" />
            <Skeleton className="mt-4 h-3 w-full" />
          </div>
        ))}
      </div>
      <div className="hidden overflow-hidden rounded-lg border border-line bg-surface md:block">
        <div className="border-b border-line px-4 py-3">
          <Skeleton className="h-3 w-1/2" />
        </div>
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="flex gap-6 border-b border-line px-4 py-4 last:border-0">
            <Skeleton className="h-4 w-44" />
            <Skeleton className="h-4 w-20" />
            <Skeleton className="h-4 w-16" />
            <Skeleton className="h-4 w-24" />
            <Skeleton className="h-4 w-24" />
          </div>
        ))}
      </div>
    </div>
  );
}
