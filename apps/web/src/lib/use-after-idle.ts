"use client";

import { useEffect, useState } from "react";

/**
 * False until the browser has been idle once after this component mounted (at most `timeoutMs`),
 * then true. Gates work that must not compete with hydration for the main thread: chunks loaded
 * after the page (saved views, keyboard shortcuts) and the live-updates connection.
 */
export function useAfterIdle(timeoutMs = 2000): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (typeof window.requestIdleCallback === "function") {
      const handle = window.requestIdleCallback(() => setIdle(true), { timeout: timeoutMs });
      return () => window.cancelIdleCallback(handle);
    }
    const handle = window.setTimeout(() => setIdle(true), Math.min(timeoutMs, 500));
    return () => window.clearTimeout(handle);
  }, [timeoutMs]);
  return idle;
}
