"use client";

import { useSyncExternalStore } from "react";
import { formatDateTime, parseServerTimestamp } from "~/lib/format";

const subscribe = () => () => {};

/**
 * A server timestamp in the reader's own time zone. The server (and the hydration pass) render
 * UTC, labelled as such; the browser then re-renders in local time — no hydration mismatch.
 */
export function DateTime({ value }: { value: string | null | undefined }) {
  const hydrated = useSyncExternalStore(subscribe, () => true, () => false);
  const date = parseServerTimestamp(value);
  if (!date) return <span>{value ?? ""}</span>;
  return <time dateTime={date.toISOString()}>{formatDateTime(date, hydrated ? undefined : "UTC")}</time>;
}
