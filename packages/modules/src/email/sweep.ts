import { formatTimestamp } from "@orchestrator/db";
import { emailQueue } from "@orchestrator/db/schema";
import { and, asc, eq, isNull, lt, lte, or } from "drizzle-orm";
import { env } from "./env";
import { enqueueEmailSend } from "./producer";
import { outboxDb } from "./store";

const ts = (ms: number) => formatTimestamp(BigInt(ms) * 1000n);

/**
 * The outbox rows that should have a send job: Not Sent and due, or Sending past their lease (their
 * worker died mid-send). One indexed query (`email_queue_status_idx`), oldest first.
 */
export async function dueOutboxRows(now: Date, limit: number): Promise<string[]> {
  const q = emailQueue;
  const nowTs = ts(now.getTime());
  const rows = await outboxDb()
    .select({ name: q.name })
    .from(q)
    .where(or(and(eq(q.status, "Not Sent"), or(isNull(q.sendAfter), lte(q.sendAfter, nowTs))), and(eq(q.status, "Sending"), lt(q.modified, ts(now.getTime() - env.EMAIL_SEND_LEASE_SECONDS * 1000)))))
    .orderBy(asc(q.creation))
    .limit(limit);
  return rows.map((r) => r.name);
}

/**
 * (Re-)adds the send job of every due row: covers a crash between a commit and its job, a row whose
 * job finished without sending it (a lease taken over), and mail queued for later (`send_after`).
 * A row whose job is waiting, delayed (backing off) or running keeps that job: the add is a no-op.
 */
export async function enqueueDueEmails(now = new Date(), limit = 1000): Promise<{ due: number }> {
  const names = await dueOutboxRows(now, limit);
  for (const name of names) await enqueueEmailSend(name, { replace: "finished" });
  return { due: names.length };
}
