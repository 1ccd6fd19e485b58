import { createScopedDb, safeErrorSummary, type Principal } from "@orchestrator/db";
import { users } from "@orchestrator/db/schema";
import { eq } from "drizzle-orm";
import { queueEmail } from "../../email/outbox";
import { registry } from "../../registry";

const NOTIFICATION = "HD Notification";

/**
 * Escalation notifications marked `email_status = pending` (levels with "also by email") into the
 * outbox, each in one transaction as `principal` (the integration user): lock the notification, queue
 * the e-mail to its user, set `email_status` back to `none` (an audited update). The outbox row
 * (reference `HD Notification` / its name) is the record that it was sent; the lock and the status
 * make it once only, however many sweeps run. Returns how many were queued.
 */
export async function queuePendingNotificationEmails(principal: Principal, options: { limit: number }): Promise<number> {
  const scoped = createScopedDb(principal, { requestId: "email-sweep" }, registry);
  const pending = await scoped.list(NOTIFICATION, { fields: ["name"], filters: [{ field: "email_status", operator: "=", value: "pending" }], orderBy: [{ field: "creation", direction: "asc" }], limit: options.limit });
  let queued = 0;
  for (const { name } of pending) {
    try {
      const done = await scoped.transaction(async (tx) => {
        const n = await tx.get(NOTIFICATION, String(name), { forUpdate: true });
        if (n.email_status !== "pending") return false;
        const [user] = await tx.bookkeepingExecutor().select({ email: users.email, enabled: users.enabled }).from(users).where(eq(users.name, String(n.for_user))).limit(1);
        if (user?.enabled) {
          await queueEmail(tx, {
            recipients: [user.email],
            subject: String(n.subject),
            message: [`${String(n.subject)}`, "", `Ticket ${String(n.ticket)} needs attention. Open it in Orchestrator's helpdesk.`, "", "— Orchestrator escalations"].join("\n"),
            reference: { doctype: NOTIFICATION, name: n.name, department: typeof n.department === "string" ? n.department : null },
            headers: { "Auto-Submitted": "auto-generated" },
          });
        }
        await tx.update(NOTIFICATION, n.name, { email_status: "none" });
        return Boolean(user?.enabled);
      });
      if (done) queued++;
    } catch (error) {
      // Ids only; the notification stays pending and the next sweep tries again.
      console.error(JSON.stringify({ level: "error", msg: "notification e-mail not queued", notification: name, error: safeErrorSummary(error) }));
    }
  }
  return queued;
}
