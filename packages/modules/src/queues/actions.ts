import { getQueue } from "../queue/producers";
import type { QueueName } from "../queue/names";
import { assertQueueAdmin, type QueueActor } from "./access";
import { withQueueAudit } from "./audit";
import { jobInState } from "./service";

/** Ids of a queue's jobs that failed at or before `before`, read in pages (removeOnFail bounds the set). */
async function failedJobIds(queue: QueueName, before: number): Promise<string[]> {
  const page = 1_000;
  const ids: string[] = [];
  for (let start = 0; ; start += page) {
    const jobs = await getQueue(queue).getFailed(start, start + page - 1);
    ids.push(...jobs.filter((j) => j && (j.finishedOn ?? 0) <= before).map((j) => String(j.id)));
    if (jobs.length < page) return ids;
  }
}

/**
 * Puts a failed job back in the waiting list for one more attempt (its attempt count keeps
 * counting, so the admin view shows how often it ran). Audited; NOT_FOUND unless the job is failed.
 */
export async function retryFailedJob(actor: QueueActor, input: { queue: QueueName; jobId: string }): Promise<{ jobId: string }> {
  assertQueueAdmin(actor.principal);
  const job = await jobInState(input.queue, input.jobId, "failed");
  await withQueueAudit(actor, [{ queue: input.queue, jobId: input.jobId, action: "update", state: ["failed", "waiting"] }], () => job.retry("failed"));
  return { jobId: input.jobId };
}

/** Removes a failed job for good (its effects, if any, stay). Audited; NOT_FOUND unless the job is failed. */
export async function discardFailedJob(actor: QueueActor, input: { queue: QueueName; jobId: string }): Promise<{ jobId: string }> {
  assertQueueAdmin(actor.principal);
  const job = await jobInState(input.queue, input.jobId, "failed");
  await withQueueAudit(actor, [{ queue: input.queue, jobId: input.jobId, action: "delete", state: ["failed", "removed"] }], () => job.remove());
  return { jobId: input.jobId };
}

/**
 * Retries every job that had failed when the call began, with one audit row each. Jobs that fail
 * while it runs stay failed: BullMQ moves only jobs that finished before the given timestamp.
 */
export async function retryAllFailed(actor: QueueActor, input: { queue: QueueName }): Promise<{ retried: number }> {
  assertQueueAdmin(actor.principal);
  const before = Date.now();
  const ids = await failedJobIds(input.queue, before);
  if (!ids.length) return { retried: 0 };
  const changes = ids.map((jobId) => ({ queue: input.queue, jobId, action: "update" as const, state: ["failed", "waiting"] as [string, string] }));
  await withQueueAudit(actor, changes, () => getQueue(input.queue).retryJobs({ state: "failed", count: 1_000, timestamp: before }));
  return { retried: ids.length };
}
