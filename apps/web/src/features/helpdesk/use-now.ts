"use client";

import { useSyncExternalStore } from "react";

/**
 * The current time, ticking every `intervalMs` in the browser (one shared timer per interval for
 * every badge on the page). Null while server rendering and hydrating, so both render the same
 * text; the clock starts ticking right after.
 *
 * Each interval's store has one `subscribe` function for its lifetime: useSyncExternalStore
 * resubscribes whenever it gets a new one, and a resubscribe that restarts the clock changes the
 * snapshot, which re-renders, which resubscribes… (React error #185, seen with a page of badges).
 */
interface ClockStore {
  now: number;
  listeners: Set<() => void>;
  timer: ReturnType<typeof setInterval> | null;
  subscribe: (listener: () => void) => () => void;
  snapshot: () => number;
}

const stores = new Map<number, ClockStore>();

function storeFor(intervalMs: number): ClockStore {
  const existing = stores.get(intervalMs);
  if (existing) return existing;
  const store: ClockStore = {
    now: Date.now(),
    listeners: new Set(),
    timer: null,
    subscribe: (listener) => {
      store.listeners.add(listener);
      if (!store.timer) {
        // Restarting after every badge was gone: catch up once, then tick.
        store.now = Date.now();
        store.timer = setInterval(() => {
          store.now = Date.now();
          for (const l of store.listeners) l();
        }, intervalMs);
      }
      return () => {
        store.listeners.delete(listener);
        if (!store.listeners.size && store.timer) {
          clearInterval(store.timer);
          store.timer = null;
        }
      };
    },
    snapshot: () => store.now,
  };
  stores.set(intervalMs, store);
  return store;
}

const serverSnapshot = () => null;

export function useNow(intervalMs: number): number | null {
  const store = storeFor(intervalMs);
  return useSyncExternalStore<number | null>(store.subscribe, store.snapshot, serverSnapshot);
}
