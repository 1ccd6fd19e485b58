import { getRedis } from "@orchestrator/auth";
import type { Redis } from "ioredis";
import { LIVE_EVENTS_CHANNEL, liveEventSchema, type LiveEvent } from "./types";

type Listener = (event: LiveEvent) => void;

/**
 * One Redis subscriber connection per process, shared by every SSE client: messages fan out in
 * memory. The connection opens with the first listener and stays open (ioredis re-subscribes by
 * itself after a reconnect).
 */
const listeners = new Set<Listener>();
let subscriber: Redis | undefined;
let ready: Promise<unknown> | undefined;
let lastErrorLoggedAt = 0;

function ensureSubscriber(): Promise<unknown> {
  if (subscriber && ready) return ready;
  const sub = getRedis().duplicate({ maxRetriesPerRequest: null });
  sub.on("error", (error: Error) => {
    const now = Date.now();
    if (now - lastErrorLoggedAt < 30_000) return;
    lastErrorLoggedAt = now;
    console.error(`[events] redis subscriber: ${error.message}`);
  });
  sub.on("message", (channel: string, message: string) => {
    if (channel !== LIVE_EVENTS_CHANNEL) return;
    let parsed: ReturnType<typeof liveEventSchema.safeParse>;
    try {
      parsed = liveEventSchema.safeParse(JSON.parse(message));
    } catch {
      return;
    }
    if (!parsed.success) return;
    for (const listener of listeners) {
      try {
        listener(parsed.data);
      } catch {
        // one broken stream must not stop the others
      }
    }
  });
  subscriber = sub;
  ready = sub.subscribe(LIVE_EVENTS_CHANNEL);
  return ready;
}

/** Registers a listener for every live event; resolves once the subscription is active. Returns the unsubscribe. */
export async function onLiveEvent(listener: Listener): Promise<() => void> {
  listeners.add(listener);
  await ensureSubscriber();
  return () => listeners.delete(listener);
}

/** Number of in-process listeners (tests, metrics). */
export function liveListenerCount(): number {
  return listeners.size;
}

/** Closes the shared subscriber (shutdown, end of tests). */
export async function closeLiveEvents(): Promise<void> {
  const sub = subscriber;
  subscriber = undefined;
  ready = undefined;
  listeners.clear();
  if (!sub) return;
  try {
    await sub.quit();
  } catch {
    sub.disconnect();
  }
}
