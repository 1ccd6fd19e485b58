import { getRedis } from "@orchestrator/auth";
import { categoryOfRow, type DocTypeDef, type WriteEvent } from "@orchestrator/db";
import { LIVE_EVENTS_CHANNEL, liveEventSchema, type LiveEvent } from "./types";

function departmentOf(dt: DocTypeDef, row: Readonly<Record<string, unknown>>): string | null {
  const value = dt.scope.kind === "department" ? row[dt.scope.field] : undefined;
  return typeof value === "string" ? value : null;
}

/**
 * The events for a committed write (exported for tests): the department and category come from the
 * row the data layer already holds — no extra query. A record that moved department is announced
 * to both, so lists in the old department drop it too.
 */
export function liveEventsFor(dt: DocTypeDef, write: WriteEvent): LiveEvent[] {
  const category = categoryOfRow(dt, write.row as Record<string, unknown>);
  const departments = new Set([departmentOf(dt, write.row), ...(write.previous ? [departmentOf(dt, write.previous)] : [])]);
  const events: LiveEvent[] = [];
  for (const department of departments) {
    const parsed = liveEventSchema.safeParse({ doctype: dt.name, name: write.name, action: write.action, department, category });
    if (parsed.success) events.push(parsed.data);
  }
  return events;
}

const OUTAGE = new Set(["reconnecting", "close", "end"]);

/**
 * The `afterWrite` hook of a DocType with live updates: publishes `{doctype, name, action,
 * department, category}` (no PHI) on the `events` channel once the write has committed.
 */
export function publishLiveEvent(getDocType: () => DocTypeDef): (write: WriteEvent) => Promise<void> {
  return async (write) => {
    const events = liveEventsFor(getDocType(), write);
    if (!events.length) return;
    const redis = getRedis();
    // Live events are best effort: while Redis is away (the connection was lost and is being retried)
    // nobody is subscribed anyway, and waiting for it would hold up the write being announced (a sync
    // page, a save) for nothing. A connection still opening for the first time is waited for.
    if (OUTAGE.has(redis.status)) return;
    const pipeline = redis.pipeline();
    for (const event of events) pipeline.publish(LIVE_EVENTS_CHANNEL, JSON.stringify(event));
    await pipeline.exec();
  };
}
