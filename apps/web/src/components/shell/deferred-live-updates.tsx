"use client";

import { lazy, Suspense } from "react";
import { useAfterIdle } from "~/lib/use-after-idle";

// React's lazy, not next/dynamic: it costs no extra bytes (next/dynamic's loader adds ~2 kB gzip to
// every page), and this component is only rendered in the browser, after hydration.
// A failed download (a dropped connection) leaves the page as it is, without live updates, instead of
// reaching the error boundary.
const LiveUpdates = lazy(() => import("~/trpc/live-updates").then((m) => ({ default: m.LiveUpdates }), () => ({ default: () => null })));

/** Live updates connect once the page is idle after hydrating: the SSE client is not needed for the first paint. */
export function DeferredLiveUpdates() {
  return useAfterIdle() ? (
    <Suspense>
      <LiveUpdates />
    </Suspense>
  ) : null;
}
