import { Skeleton } from "~/components/ui/skeleton";

export default function LoadingClient() {
  return (
    <div role="status" aria-busy="true" aria-label="Loading client">
      <Skeleton className="mb-4 h-4 w-20" />
      <Skeleton className="mb-2 h-8 w-64 max-w-full" />
      <Skeleton className="mb-6 h-4 w-40" />
      <Skeleton className="mb-6 h-11 w-full" />
      <div className="grid gap-4 lg:grid-cols-3">
        <Skeleton className="h-64 rounded-lg lg:col-span-2" />
        <Skeleton className="h-32 rounded-lg" />
      </div>
    </div>
  );
}
