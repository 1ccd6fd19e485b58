import { getRedis } from "@orchestrator/auth";
import { createScopedDb, systemPrincipal, type DocTypeDef } from "@orchestrator/db";
import { LIVE_EVENTS_CHANNEL, liveEventSchema, type LiveEvent } from "./types";

type WriteEvent = Parameters<NonNullable<DocTypeDef["afterWrite"]>>[0];

/** Department and category of a stored document, read under a system scope (no access-log entry: a list read). */
async function locate(dt: DocTypeDef, name: string): Promise<{ department: string | null; category: string | null }> {
  const scoped = createScopedDb(systemPrincipal("live updates"), { requestId: "live-updates" }, { get: (n) => (n === dt.name ? dt : undefined) });
  const fields = ["name", "department", ...(dt.rowCategory ? [dt.rowCategory.field] : [])];
  const [row] = await scoped.list(dt.name, { fields, filters: [{ field: "name", operator: "=", value: name }], limit: 1 });
  const department = typeof row?.department === "string" ? row.department : null;
  const raw = dt.rowCategory ? row?.[dt.rowCategory.field] : undefined;
  const category = typeof raw === "string" ? (dt.rowCategory?.values[raw] ?? null) : dt.category;
  return { department, category };
}

/** Builds the event for a committed write (exported for tests). */
export async function liveEventFor(dt: DocTypeDef, write: WriteEvent): Promise<LiveEvent | null> {
  // A deleted row can no longer be looked up: the event goes out without a department (all-scope readers only).
  const where = write.action === "delete" ? { department: null, category: dt.rowCategory ? null : dt.category } : await locate(dt, write.name);
  if (write.action !== "delete" && where.category === null) return null;
  const parsed = liveEventSchema.safeParse({ doctype: dt.name, name: write.name, action: write.action, department: where.department, category: where.category ?? "medical" });
  if (!parsed.success) return null;
  // A deleted Task's category is unknown: announce it as medical, the narrower audience (Program Staff read medical in own dept only).
  return parsed.data;
}

/**
 * The `afterWrite` hook of a DocType with live updates: publishes `{doctype, name, action,
 * department, category}` on the `events` channel once the write has committed.
 */
export function publishLiveEvent(getDocType: () => DocTypeDef): (write: WriteEvent) => Promise<void> {
  return async (write) => {
    const event = await liveEventFor(getDocType(), write);
    if (event) await getRedis().publish(LIVE_EVENTS_CHANNEL, JSON.stringify(event));
  };
}
