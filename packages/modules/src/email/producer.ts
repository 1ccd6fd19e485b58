import { safeErrorSummary } from "@orchestrator/db";
import { enqueue } from "../queue/producers";
import { env } from "./env";

/** The `email-send` job of an outbox row: its id is the row's name, so a row has one job at a time. */
export function emailSendJobId(name: string): string {
  return name;
}

/** Temporary failures are retried by BullMQ: EMAIL_MAX_ATTEMPTS attempts, EMAIL_RETRY_DELAY_MS doubling. */
export const emailSendJobOptions = () => ({ attempts: env.EMAIL_MAX_ATTEMPTS, backoff: { type: "exponential", delay: env.EMAIL_RETRY_DELAY_MS } });

/**
 * Adds the row's `email-send` job. `replace: "finished"` (the sweep) first drops a finished job of the
 * same id, so a row whose earlier job completed or failed without sending it is tried again.
 */
export function enqueueEmailSend(name: string, options: { replace?: "finished" } = {}): Promise<{ jobId: string }> {
  return enqueue("email-send", { name }, { jobId: emailSendJobId(name), jobOptions: emailSendJobOptions(), ...(options.replace ? { replace: options.replace } : {}) });
}

const pending = new Set<Promise<unknown>>();

/**
 * Adds the send job without waiting for Redis (the caller holds an open transaction). A failure is
 * logged, ids only; the every-minute sweep adds the job then.
 */
export function kickEmailSend(name: string): void {
  const p = enqueueEmailSend(name)
    .catch((error: unknown) => console.error(JSON.stringify({ level: "warn", msg: "email-send job not added: the sweep will add it", email: name, error: safeErrorSummary(error) })))
    .finally(() => pending.delete(p));
  pending.add(p);
}

/** Waits for the kicks in flight (tests, and a process about to close its queues). */
export async function settleEmailKicks(): Promise<void> {
  while (pending.size) await Promise.allSettled([...pending]);
}
