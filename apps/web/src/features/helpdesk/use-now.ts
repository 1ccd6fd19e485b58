"use client";

import { useSyncExternalStore } from "react";

/**
 * The current time, ticking every `intervalMs` in the browser (one shared timer per interval for
 * every badge on the page). Null while server rendering and hydrating, so both render the same
 * text; the clock starts ticking right after.
 */
const stores = new Map<number, { now: number; listeners: Set<() => void>; timer: ReturnType<typeof setInterval> | null }>();

function storeFor(intervalMs: number) {
  let store = stores.get(intervalMs);
  if (!store) {
    store = { now: Date.now(), listeners: new Set(), timer: null };
    stores.set(intervalMs, store);
  }
  return store;
}

export function useNow(intervalMs: number): number | null {
  const store = storeFor(intervalMs);
  return useSyncExternalStore<number | null>(
    (listener) => {
      store.listeners.add(listener);
      if (!store.timer) {
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
    () => store.now,
    () => null,
  );
}
