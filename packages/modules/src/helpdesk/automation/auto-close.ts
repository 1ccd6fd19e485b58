import { AppError, AppErrorCode, createScopedDb, safeErrorSummary, type Principal, type ScopedDb } from "@orchestrator/db";
import { hdTickets } from "@orchestrator/db/schema";
import { and, inArray, isNull, lte, notInArray, or, type SQL } from "drizzle-orm";
import { registry } from "../../registry";
import { logActivities } from "../tickets/activity";
import { statusCategories, toMs, toTimestamp } from "../tickets/sla-fields";

const TICKET = "HD Ticket";
const t = hdTickets;

export interface AutoCloseOptions {
  /** Resolved for at least this many days. */
  days: number;
  now?: Date;
  pageSize?: number;
}

export interface AutoCloseResult {
  closed: number;
  /** Candidates that changed meanwhile (reopened, replied to) and were left alone. */
  skipped: number;
  failed: number;
}

/**
 * Tickets in a Resolved-category status since `cutoff` or earlier, with no customer reply since their
 * resolution: one set-based statement per page through the scoped layer (the status and resolution
 * date are indexed with the department), never a loop over all tickets.
 */
function candidates(scoped: ScopedDb, resolved: string[], cutoff: string, exclude: readonly string[], limit: number) {
  const where: SQL[] = [inArray(t.status, resolved), lte(t.resolutionDate, cutoff), or(isNull(t.lastCustomerReplyOn), lte(t.lastCustomerReplyOn, t.resolutionDate))!];
  if (exclude.length) where.push(notInArray(t.name, [...exclude]));
  return scoped.selectScoped<{ name: string }>(TICKET, { name: t.name }, and(...where), { limit });
}

/**
 * Auto-close (the `helpdesk-auto-close` job): closes every ticket Resolved for `days` days without a
 * customer reply, each in its own transaction as `principal` (the integration user): lock the ticket,
 * check it again, set the first status of category Closed (an audited update; the ticket's validate
 * logs the status change and stops its SLA) and log why. Running it again closes nothing twice.
 */
export async function runAutoClose(principal: Principal, options: AutoCloseOptions): Promise<AutoCloseResult> {
  const scoped = createScopedDb(principal, { requestId: "helpdesk-auto-close" }, registry);
  const nowMs = (options.now ?? new Date()).getTime();
  const cutoffMs = nowMs - options.days * 86_400_000;
  const categories = await statusCategories(scoped);
  const resolved = [...categories].filter(([, c]) => c === "Resolved").map(([s]) => s);
  const closed = [...categories].find(([, c]) => c === "Closed")?.[0];
  const result: AutoCloseResult = { closed: 0, skipped: 0, failed: 0 };
  if (!resolved.length || !closed) return result;
  const leftAlone: string[] = [];
  for (;;) {
    const page = await candidates(scoped, resolved, toTimestamp(cutoffMs), leftAlone, options.pageSize ?? 500);
    for (const { name } of page) {
      try {
        const done = await scoped.transaction(async (tx) => {
          const ticket = await tx.get(TICKET, name, { forUpdate: true });
          const resolvedAt = toMs(ticket.resolution_date);
          const replied = toMs(ticket.last_customer_reply_on);
          if (!resolved.includes(String(ticket.status)) || resolvedAt === null || resolvedAt > cutoffMs || (replied !== null && replied > resolvedAt)) return false;
          await tx.update(TICKET, name, { status: closed });
          await logActivities(tx, name, String(ticket.department), [{ kind: "status", action: `Closed automatically: resolved ${options.days} day(s) ago without a reply from the customer`, data: { auto_close: true, days: options.days } }]);
          return true;
        });
        result[done ? "closed" : "skipped"]++;
        if (!done) leftAlone.push(name);
      } catch (error) {
        if (error instanceof AppError && error.code === AppErrorCode.NotFound) result.skipped++;
        else {
          result.failed++;
          console.error(JSON.stringify({ level: "error", msg: "auto-close failed", ticket: name, error: safeErrorSummary(error) }));
        }
        leftAlone.push(name);
      }
    }
    if (page.length < (options.pageSize ?? 500)) return result;
  }
}
