import type { Filter, ScopedDb } from "@orchestrator/db";

const NOTIFICATION = "HD Notification";
const LIMIT = 20;

/** The caller's latest in-app notifications (escalations, mentions, assignments), with the unread count. */
export async function listMyNotifications(scoped: ScopedDb) {
  const mine = { field: "for_user", operator: "=" as const, value: scoped.principal.user };
  const [rows, unread] = await Promise.all([
    scoped.list(NOTIFICATION, { fields: ["name", "ticket", "kind", "subject", "read", "creation"], filters: [mine], orderBy: [{ field: "creation", direction: "desc" }], limit: LIMIT }),
    scoped.count(NOTIFICATION, { filters: [mine, { field: "read", operator: "=", value: 0 }] }, { cap: 99 }),
  ]);
  return {
    unread,
    items: rows.map((r) => ({ name: String(r.name), ticket: String(r.ticket), kind: String(r.kind), subject: String(r.subject), read: Number(r.read) === 1, creation: String(r.creation) })),
  };
}

/** Marks the caller's notifications read (the named ones, or all unread): each an audited update; others' are left alone. */
export async function markMyNotificationsRead(scoped: ScopedDb, input: { names?: string[] | undefined; all?: boolean | undefined }): Promise<{ marked: number }> {
  const filters: Filter[] = [{ field: "for_user", operator: "=", value: scoped.principal.user }, { field: "read", operator: "=", value: 0 }];
  if (!input.all) {
    if (!input.names?.length) return { marked: 0 };
    filters.push({ field: "name", operator: "in", value: input.names });
  }
  const rows = await scoped.list(NOTIFICATION, { fields: ["name"], filters, limit: 100 });
  for (const r of rows) await scoped.update(NOTIFICATION, String(r.name), { read: 1 });
  return { marked: rows.length };
}
