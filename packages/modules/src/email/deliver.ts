import { formatTimestamp } from "@orchestrator/db";
import { emailMessages, emailQueue } from "@orchestrator/db/schema";
import { and, eq, isNull, lt, lte, or, sql } from "drizzle-orm";
import { env } from "./env";
import { outboxDb } from "./store";
import { classifySendError, transportFor, type SmtpSettings } from "./transport";

/** Who the delivery worker's row updates name (`modified_by`): system-level bookkeeping, not a user's write. */
const WORKER = "email-worker";

export type DeliveryOutcome =
  /** Accepted by the SMTP server. */
  | { outcome: "sent"; attempts: number; rejected: string[] }
  /** A temporary failure: the row is Not Sent again; the caller retries later. */
  | { outcome: "retry"; attempts: number; code: string }
  /** A permanent failure, or the last attempt failed: the row is Error with the reason. */
  | { outcome: "failed"; attempts: number; code: string }
  /** Nothing to do: no such row (rolled back), sent already, in flight elsewhere, not due, or in Error. */
  | { outcome: "skipped"; reason: "missing" | "sent" | "in-flight" | "not-due" | "error" };

export interface DeliverOptions {
  smtp: SmtpSettings;
  now?: Date;
  maxAttempts?: number;
  leaseSeconds?: number;
}

const ts = (ms: number) => formatTimestamp(BigInt(ms) * 1000n);
type Updated = [{ affectedRows: number }];

function parseJson(value: unknown): Record<string, unknown> {
  if (typeof value === "string") {
    try { return JSON.parse(value) as Record<string, unknown>; } catch { return {}; }
  }
  return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
}

async function whySkipped(name: string, nowMs: number): Promise<DeliveryOutcome> {
  const [row] = await outboxDb().select({ status: emailQueue.status, sendAfter: emailQueue.sendAfter }).from(emailQueue).where(eq(emailQueue.name, name)).limit(1);
  if (!row) return { outcome: "skipped", reason: "missing" };
  if (row.status === "Sent") return { outcome: "skipped", reason: "sent" };
  if (row.status === "Error") return { outcome: "skipped", reason: "error" };
  if (row.status === "Sending") return { outcome: "skipped", reason: "in-flight" };
  return row.sendAfter && row.sendAfter > ts(nowMs) ? { outcome: "skipped", reason: "not-due" } : { outcome: "skipped", reason: "in-flight" };
}

/**
 * Sends one outbox row, at most once per claim:
 *
 * 1. **Claim** it with a conditional UPDATE (Not Sent → Sending, attempts + 1; or Sending whose lease,
 *    `modified` + EMAIL_SEND_LEASE_SECONDS, ran out because its worker died mid-send). Two workers
 *    never both claim a row. The UPDATE is a locking read, so for a row whose queueing transaction
 *    is still open it waits for the commit (and matches nothing after a rollback).
 * 2. **Send** it over SMTP with its fixed Message-ID, In-Reply-To and References.
 * 3. **Record** the result, fenced by the claim's `attempts` (a worker whose lease was taken over
 *    writes nothing): Sent; Not Sent again after a temporary failure (retried by the caller); Error
 *    with the server's answer after a 5xx or the last attempt.
 *
 * SMTP is at-least-once: a worker killed after the server accepted the message but before step 3
 * leaves the row in Sending, and after the lease it is sent again, with the same Message-ID (which
 * receivers dedupe on).
 */
export async function deliverQueuedEmail(name: string, options: DeliverOptions): Promise<DeliveryOutcome> {
  const db = outboxDb();
  const q = emailQueue;
  const nowMs = (options.now ?? new Date()).getTime();
  const lease = options.leaseSeconds ?? env.EMAIL_SEND_LEASE_SECONDS;
  const maxAttempts = options.maxAttempts ?? env.EMAIL_MAX_ATTEMPTS;
  const now = ts(nowMs);
  const claimable = or(eq(q.status, "Not Sent"), and(eq(q.status, "Sending"), lt(q.modified, ts(nowMs - lease * 1000))));
  const due = or(isNull(q.sendAfter), lte(q.sendAfter, now));
  const [claim] = (await db.update(q).set({ status: "Sending", attempts: sql`${q.attempts} + 1`, modified: now, modifiedBy: WORKER }).where(and(eq(q.name, name), claimable, due))) as unknown as Updated;
  if (claim.affectedRows !== 1) return whySkipped(name, nowMs);

  const [row] = await db.select().from(q).where(eq(q.name, name)).limit(1);
  if (!row) return { outcome: "skipped", reason: "missing" };
  const [index] = await db.select({ headers: emailMessages.headers }).from(emailMessages).where(eq(emailMessages.messageId, row.messageId)).limit(1);
  const extra = parseJson(parseJson(index?.headers).extra) as Record<string, string>;
  const mine = and(eq(q.name, name), eq(q.status, "Sending"), eq(q.attempts, row.attempts));

  try {
    const info = (await transportFor(options.smtp).sendMail({
      from: row.sender,
      to: row.recipients,
      subject: row.subject,
      text: row.message,
      messageId: row.messageId,
      ...(row.inReplyTo ? { inReplyTo: row.inReplyTo } : {}),
      ...(row.references ? { references: row.references } : {}),
      headers: extra,
    })) as { rejected?: unknown[] };
    const rejected = (info.rejected ?? []).map(String);
    await db.update(q).set({ status: "Sent", sentAt: ts(Date.now()), error: rejected.length ? `Refused by the server for: ${rejected.join(", ")}` : null, modified: ts(Date.now()), modifiedBy: WORKER }).where(mine);
    return { outcome: "sent", attempts: row.attempts, rejected };
  } catch (error) {
    const failure = classifySendError(error);
    const final = failure.kind === "permanent" || row.attempts >= maxAttempts;
    const reason = failure.kind === "permanent" ? failure.reason : `${final ? `Gave up after ${row.attempts} attempts. ` : ""}Last error: ${failure.reason}`;
    await db.update(q).set({ status: final ? "Error" : "Not Sent", error: reason.slice(0, 2000), modified: ts(Date.now()), modifiedBy: WORKER }).where(mine);
    return final ? { outcome: "failed", attempts: row.attempts, code: failure.code } : { outcome: "retry", attempts: row.attempts, code: failure.code };
  }
}
