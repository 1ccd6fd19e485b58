import type { Principal } from "@orchestrator/db";
import { onLiveEvent } from "./hub";
import { eventVisibleTo } from "./visibility";

export const HEARTBEAT_MS = 25_000;

/**
 * A server-sent events stream of the live events this principal may read. A comment line every
 * 25 s keeps proxies from closing it; everything is released when `signal` aborts (the browser left).
 */
export function liveEventStream(principal: Principal, signal: AbortSignal, options: { heartbeatMs?: number } = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cleanup: (() => void) | undefined;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      const heartbeat = setInterval(() => send(`: keep-alive\n\n`), options.heartbeatMs ?? HEARTBEAT_MS);
      let unsubscribe: (() => void) | undefined;
      const close = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe?.();
        try {
          controller.close();
        } catch {
          // already closed by the runtime
        }
      };
      cleanup = close;
      signal.addEventListener("abort", close, { once: true });
      // Reconnect after 3 s if the connection drops; then say hello so the client knows it is live.
      send(`retry: 3000\n\n`);
      try {
        unsubscribe = await onLiveEvent((event) => {
          if (eventVisibleTo(principal, event)) send(`event: change\ndata: ${JSON.stringify(event)}\n\n`);
        });
      } catch {
        close();
        return;
      }
      if (closed || signal.aborted) {
        unsubscribe();
        close();
        return;
      }
      send(`event: ready\ndata: {}\n\n`);
    },
    cancel() {
      cleanup?.();
    },
  });
}
