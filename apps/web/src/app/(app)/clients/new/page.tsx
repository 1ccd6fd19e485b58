import type { Metadata } from "next";
import { NewClient } from "~/features/clients/new-client";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";

export const metadata: Metadata = { title: "New client" };

/** Create a client. The form and its Save only work for users with client write (the server checks). */
export default async function NewClientPage() {
  const queryClient = getQueryClient();
  await Promise.all([queryClient.prefetchQuery(trpc.core.options.queryOptions()), queryClient.prefetchQuery(trpc.core.me.queryOptions())]);
  return (
    <HydrateClient>
      <NewClient />
    </HydrateClient>
  );
}
