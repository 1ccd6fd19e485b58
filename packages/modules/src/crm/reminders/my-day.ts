import type { ScopedDb } from "@orchestrator/db";
import { dayBounds } from "./day";
import { CLOSED_TASK_STATUSES } from "./remind";
import { stamp } from "./time";

export interface MyDay {
  /** Open tasks assigned to the caller, due before today (oldest first). */
  overdue: Record<string, unknown>[];
  /** Open tasks assigned to the caller, due today (earliest first). */
  today: Record<string, unknown>[];
  /** The caller's unread notices (reminders), newest first. */
  notifications: Record<string, unknown>[];
}

const LIMIT = 200;

/**
 * "My day": the caller's open follow-ups due today or overdue, and their unread reminders, all through
 * the scoped layer (a task assigned to the caller but moved to a team they left is not shown).
 * "Today" is the caller's calendar day in `timeZone` (default UTC).
 */
export async function myDay(scoped: ScopedDb, options: { timeZone?: string | undefined; now?: Date } = {}): Promise<MyDay> {
  const { start, end } = dayBounds(options.now ?? new Date(), options.timeZone ?? "UTC");
  const mine = [
    { field: "assigned_to", operator: "=" as const, value: scoped.principal.user },
    { field: "status", operator: "not in" as const, value: [...CLOSED_TASK_STATUSES] },
  ];
  const [overdue, today, notifications] = await Promise.all([
    scoped.list("CRM Task", { fields: ["*"], filters: [...mine, { field: "due_date", operator: "<", value: stamp(start) }], orderBy: [{ field: "due_date", direction: "asc" }], limit: LIMIT }),
    scoped.list("CRM Task", { fields: ["*"], filters: [...mine, { field: "due_date", operator: ">=", value: stamp(start) }, { field: "due_date", operator: "<", value: stamp(end) }], orderBy: [{ field: "due_date", direction: "asc" }], limit: LIMIT }),
    scoped.list("CRM Notification", { fields: ["*"], filters: [{ field: "for_user", operator: "=", value: scoped.principal.user }, { field: "read", operator: "=", value: 0 }], orderBy: [{ field: "creation", direction: "desc" }], limit: 50 }),
  ]);
  return { overdue, today, notifications };
}

/** Marks the caller's notices read (audited updates, one transaction); another user's notice is NOT FOUND. */
export async function markNotificationsRead(scoped: ScopedDb, names: readonly string[]): Promise<{ marked: number }> {
  return scoped.transaction(async (tx) => {
    let marked = 0;
    for (const name of new Set(names)) {
      const notice = await tx.get("CRM Notification", name, { forUpdate: true });
      if (notice.read) continue;
      await tx.update("CRM Notification", name, { read: 1 });
      marked++;
    }
    return { marked };
  });
}
