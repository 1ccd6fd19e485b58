"use client";

import type { AppRouter } from "@orchestrator/modules";
import { MutationCache, QueryCache, QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import { LazyToaster } from "~/components/ui/toast";
import { makeQueryClient } from "./query-client";
import { redirectIfUnauthorized } from "./session-expired";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

let browserQueryClient: QueryClient | undefined;

function getQueryClient(): QueryClient {
  // During SSR every request gets its own client; queries never fetch there (useQuery fetches in
  // effects), they only read what the server component prefetched and dehydrated.
  if (typeof window === "undefined") return makeQueryClient();
  browserQueryClient ??= makeQueryClient({
    queryCache: new QueryCache({ onError: redirectIfUnauthorized }),
    mutationCache: new MutationCache({ onError: redirectIfUnauthorized }),
  });
  return browserQueryClient;
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: "/api/trpc", maxURLLength: 2_000 })],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
        {/* Toasts for results: sonner loads after the page (see components/ui/toast.tsx). */}
        <LazyToaster position="top-right" richColors closeButton />
      </TRPCProvider>
    </QueryClientProvider>
  );
}
