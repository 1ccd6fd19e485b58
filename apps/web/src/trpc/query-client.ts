import { defaultShouldDehydrateQuery, QueryClient, type QueryClientConfig } from "@tanstack/react-query";
import { isRetryable } from "./error-code";

/**
 * One QueryClient factory for both sides: a fresh client per server request (server.tsx), one
 * for the lifetime of the browser tab (react.tsx).
 */
export function makeQueryClient(caches: Pick<QueryClientConfig, "queryCache" | "mutationCache"> = {}): QueryClient {
  return new QueryClient({
    ...caches,
    defaultOptions: {
      queries: {
        // Server-prefetched data is fresh on arrival; don't refetch it straight after hydration.
        staleTime: 30_000,
        retry: (failureCount, error) => failureCount < 2 && isRetryable(error),
      },
      mutations: { retry: false },
      dehydrate: {
        // Also hand over queries still in flight: RSC streams the promise to the client.
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
    },
  });
}
