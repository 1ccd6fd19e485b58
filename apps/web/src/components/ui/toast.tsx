"use client";

import { useEffect, useState, type ComponentType } from "react";
// eslint-disable-next-line no-restricted-imports -- types only, erased at build: sonner itself is imported lazily below.
import type * as SonnerModule from "sonner";
import { lazyModule } from "~/lib/lazy-module";
import type { ThemedToaster as ThemedToasterType } from "./themed-toaster";

/*
 * Toasts without sonner in the First Load JS (≈10 kB gzip): the <Toaster> is loaded when the
 * browser is idle after the page has loaded (so it is normally present, and its live region
 * announced, before any result to report), or at once by the first toast. `toast.*` calls made
 * before it is ready wait for it; nothing is dropped.
 */

type Sonner = typeof SonnerModule;
type ToasterProps = Parameters<Sonner["Toaster"]>[0];

let startMount: (() => void) | undefined;
let markMounted: (() => void) | undefined;
const mounted = new Promise<void>((resolve) => {
  markMounted = resolve;
});

const loadSonner: () => Promise<Sonner> = lazyModule(() => import("sonner"));
// The Toaster with its theme following, in the same lazily loaded part as sonner.
const loadToaster: () => Promise<typeof ThemedToasterType> = lazyModule(() => import("./themed-toaster").then((m) => m.ThemedToaster));

/** Loads the Toaster if it is not there yet, and resolves with sonner once it is mounted. */
async function ready(): Promise<Sonner> {
  startMount?.();
  const lib = await loadSonner();
  await mounted;
  return lib;
}

type Options = { description?: string };
const show = (kind: "success" | "error" | "info") => (message: string, options?: Options) => {
  // A failed load (offline) is tried again by the next toast: this one is lost, not thrown.
  void ready().then((lib) => lib.toast[kind](message, options), () => undefined);
};

export const toast = { success: show("success"), error: show("error"), info: show("info") };

/** Mount once per signed-in page (TRPCReactProvider does). Renders nothing until needed. */
export function LazyToaster(props: ToasterProps) {
  const [Toaster, setToaster] = useState<ComponentType<ToasterProps> | null>(null);

  useEffect(() => {
    let cancelled = false;
    const mount = () => {
      startMount = undefined;
      void Promise.all([loadToaster(), loadSonner()]).then(
        ([ThemedToaster]) => {
          if (!cancelled) setToaster(() => ThemedToaster);
        },
        () => {
          startMount = mount; // the next toast tries again
        },
      );
    };
    startMount = mount;
    const idle = window.requestIdleCallback ? window.requestIdleCallback(mount, { timeout: 4000 }) : window.setTimeout(mount, 1500);
    return () => {
      cancelled = true;
      if (window.cancelIdleCallback) window.cancelIdleCallback(idle);
      else window.clearTimeout(idle);
    };
  }, []);

  useEffect(() => {
    if (Toaster) markMounted?.();
  }, [Toaster]);

  return Toaster ? <Toaster {...props} /> : null;
}
