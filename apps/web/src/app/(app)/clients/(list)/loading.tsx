import { ClientsSkeleton } from "~/features/clients/clients-skeleton";
import { Skeleton } from "~/components/ui/skeleton";

export default function LoadingClients() {
  return (
    <>
      <Skeleton className="mb-6 h-8 w-32" />
      <Skeleton className="mb-4 h-24 w-full rounded-lg" />
      <ClientsSkeleton />
    </>
  );
}
