import "server-only";
import { appRouter, createCaller } from "@orchestrator/modules";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { cache, type ReactNode } from "react";
import { getRequestContext } from "./context";
import { makeQueryClient } from "./query-client";

/** One QueryClient per server request. */
export const getQueryClient = cache(() => makeQueryClient());

/** Query options for server-side prefetching: `getQueryClient().prefetchQuery(trpc.x.y.queryOptions(…))`. */
export const trpc = createTRPCOptionsProxy({ ctx: getRequestContext, router: appRouter, queryClient: getQueryClient });

/** Direct procedure calls from server components (data that never reaches the client cache). */
export const caller = createCaller(getRequestContext);

/** Hands the server-prefetched queries to the client components below. */
export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
