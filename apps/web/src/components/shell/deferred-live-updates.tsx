"use client";

import dynamic from "next/dynamic";
import { useAfterIdle } from "~/lib/use-after-idle";

const LiveUpdates = dynamic(() => import("~/trpc/live-updates").then((m) => m.LiveUpdates), { ssr: false });

/** Live updates connect once the page is idle after hydrating: the SSE client is not needed for the first paint. */
export function DeferredLiveUpdates() {
  return useAfterIdle() ? <LiveUpdates /> : null;
}
