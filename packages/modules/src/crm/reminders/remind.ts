import { AppError, AppErrorCode, createScopedDb, safeErrorSummary, type Principal, type ScopedDb } from "@orchestrator/db";
import { crmTasks, users } from "@orchestrator/db/schema";
import { and, asc, eq, isNotNull, isNull, lte, notInArray, type SQL } from "drizzle-orm";
import { queueEmail } from "../../email/outbox";
import { registry } from "../../registry";
import { stamp } from "./time";

const TASK = "CRM Task";
const NOTIFICATION = "CRM Notification";
const t = crmTasks;
/** A task in one of these statuses needs no reminder any more. */
export const CLOSED_TASK_STATUSES = ["Done", "Canceled"] as const;

export interface TaskRemindersOptions {
  now?: Date;
  pageSize?: number;
}

export interface TaskRemindersResult {
  candidates: number;
  reminded: number;
  /** Claimed meanwhile by another run, or changed (done, moved, unassigned) since the candidate query. */
  skipped: number;
  failed: number;
}

type Candidate = { name: string; title: string; assignedTo: string | null; reminderAt: string | null; referenceDoctype: string | null; referenceDocname: string | null };

/** Due, unsent reminders of open, assigned tasks: one indexed statement per page (reminder_at, reminded_on), oldest first. */
function dueTasks(scoped: ScopedDb, nowStamp: string, exclude: readonly string[], limit: number): Promise<Candidate[]> {
  const where: SQL[] = [lte(t.reminderAt, nowStamp), isNull(t.remindedOn), isNotNull(t.assignedTo), notInArray(t.status, [...CLOSED_TASK_STATUSES])];
  if (exclude.length) where.push(notInArray(t.name, [...exclude]));
  const columns = { name: t.name, title: t.title, assignedTo: t.assignedTo, reminderAt: t.reminderAt, referenceDoctype: t.referenceDoctype, referenceDocname: t.referenceDocname };
  return scoped.selectScoped<Candidate>(TASK, columns, and(...where), { orderBy: [asc(t.reminderAt)], limit });
}

/**
 * Claims one task's reminder: a conditional UPDATE that sets `reminded_on` only while the reminder is
 * still due and unsent. It row-locks the task until the caller's transaction ends, so a concurrent run
 * waits and then matches nothing; a run killed before its commit leaves the claim undone. Bookkeeping
 * (no Version row, `modified` untouched), so a user editing the task meanwhile gets no 409; the notice
 * written with it is the audited trace.
 */
async function claim(tx: ScopedDb, task: Candidate, nowStamp: string): Promise<boolean> {
  const [result] = await tx
    .bookkeepingExecutor()
    .update(t)
    .set({ remindedOn: nowStamp })
    .where(and(eq(t.name, task.name), eq(t.reminderAt, task.reminderAt!), isNull(t.remindedOn), eq(t.assignedTo, task.assignedTo!), notInArray(t.status, [...CLOSED_TASK_STATUSES])));
  return (result as { affectedRows?: number }).affectedRows === 1;
}

/** The in-app notice and the e-mail to the assignee, in the claim's transaction. */
async function deliver(tx: ScopedDb, task: Candidate): Promise<void> {
  const assignee = task.assignedTo!;
  const subject = `Reminder: ${task.title}`.slice(0, 500);
  const serverValues = { kind: "reminder", subject, task: task.name, reminder_at: task.reminderAt, reference_doctype: task.referenceDoctype, reference_docname: task.referenceDocname };
  await tx.insert(NOTIFICATION, { for_user: assignee }, { serverValues });
  const [user] = await tx.bookkeepingExecutor().select({ email: users.email, enabled: users.enabled }).from(users).where(eq(users.name, assignee)).limit(1);
  if (!user?.enabled) return; // a disabled user keeps the in-app notice only
  const about = task.referenceDocname ? `\nAbout: ${task.referenceDoctype ?? ""} ${task.referenceDocname}` : "";
  await queueEmail(tx, {
    recipients: [user.email],
    subject,
    message: `This is your reminder for the follow-up "${task.title}" (${task.name}).${about}\n`,
    reference: { doctype: TASK, name: task.name },
    headers: { "Auto-Submitted": "auto-generated" },
  });
}

/**
 * The `crm-task-reminders` job: every due reminder (reminder_at ≤ now, not yet sent, task open and
 * assigned) becomes one `CRM Notification` and one outbox e-mail to the assignee, each task in its own
 * transaction as `principal` (the Integration user). Exactly once: the claim and both writes commit
 * together; the notice's unique key (task, reminder_at) backs the claim up.
 */
export async function runTaskReminders(principal: Principal, options: TaskRemindersOptions = {}): Promise<TaskRemindersResult> {
  const scoped = createScopedDb(principal, { requestId: "crm-task-reminders" }, registry);
  const nowStamp = stamp(options.now ?? new Date());
  const pageSize = options.pageSize ?? 500;
  const result: TaskRemindersResult = { candidates: 0, reminded: 0, skipped: 0, failed: 0 };
  const leftAlone: string[] = [];
  for (;;) {
    const page = await dueTasks(scoped, nowStamp, leftAlone, pageSize);
    result.candidates += page.length;
    for (const task of page) {
      try {
        const done = await scoped.transaction(async (tx) => {
          if (!(await claim(tx, task, nowStamp))) return false;
          await deliver(tx, task);
          return true;
        });
        result[done ? "reminded" : "skipped"]++;
        if (!done) leftAlone.push(task.name);
      } catch (error) {
        // The notice's unique key: another run delivered this reminder (it cannot, past the claim, but if it did: once).
        if (error instanceof AppError && (error.code === AppErrorCode.Duplicate || error.code === AppErrorCode.Conflict)) result.skipped++;
        else {
          result.failed++;
          console.error(JSON.stringify({ level: "error", msg: "crm reminder failed", task: task.name, error: safeErrorSummary(error) }));
        }
        leftAlone.push(task.name);
      }
    }
    if (page.length < pageSize) return result;
  }
}
