import { Queue, type JobsOptions } from "bullmq";
import type { Redis } from "ioredis";
import { createRedisConnection } from "./connection";
import { jobQueues, type JobName, type QueueName } from "./names";
import { jobPayloads, type GenerateTasksPayload, type JobPayload, type SyncRunPayload, type SyncSchedulePayload } from "./payloads";

/**
 * Retries with exponential back-off (1 s, 2 s, 4 s, 8 s) and bounded history: finished jobs stay long
 * enough for the admin views and for a deterministic id to absorb a double enqueue, then go.
 */
export const defaultJobOptions: JobsOptions = {
  attempts: 5,
  backoff: { type: "exponential", delay: 1_000 },
  removeOnComplete: { age: 24 * 3600, count: 1_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5_000 },
};

let connection: Redis | undefined;
const queues = new Map<QueueName, Queue>();

function producerConnection(): Redis {
  connection ??= createRedisConnection("producer");
  return connection;
}

/** The process-wide producer for a queue (one shared, fail-fast Redis connection for all of them). */
export function getQueue(name: QueueName): Queue {
  let queue = queues.get(name);
  if (!queue) {
    queue = new Queue(name, { connection: producerConnection(), defaultJobOptions });
    // Errors reach the caller of the command that failed; the connection's own listener logs outages
    // (rate-limited). Without this listener a Redis outage prints a stack trace per reconnect attempt.
    queue.on("error", () => undefined);
    queues.set(name, queue);
  }
  return queue;
}

/**
 * Builds a job id from its parts. BullMQ reserves `:` (it separates Redis key parts), so parts are
 * joined with `|` and `%`, `:` and `|` inside a part are percent-escaped: distinct parts, distinct ids.
 */
export function jobId(...parts: string[]): string {
  return parts.map((p) => p.replace(/[%:|]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join("|");
}

export function generateTasksJobId(client: string, template: string): string {
  return jobId("generate-tasks", client, template);
}

export interface EnqueueOptions {
  /** Deterministic id: adding a job whose id is already in the queue is a no-op. */
  jobId: string;
  /**
   * Drop a previous job with the same id first so the work runs again: `failed` only when it failed
   * for good, `finished` when it completed or failed. A waiting or running job is always kept (the
   * enqueue then adds nothing).
   */
  replace?: "failed" | "finished" | undefined;
  /** Per-job overrides of the queue's retry policy. */
  jobOptions?: Pick<JobsOptions, "attempts" | "backoff"> | undefined;
}

/** Validates the payload against the job's schema and adds it to the job's queue. */
export async function enqueue<N extends JobName>(name: N, payload: JobPayload<N>, options: EnqueueOptions): Promise<{ jobId: string }> {
  const data = jobPayloads[name].parse(payload);
  const queue = getQueue(jobQueues[name]);
  if (options.replace) {
    const existing = await queue.getJob(options.jobId);
    const state = existing ? await existing.getState() : undefined;
    if (existing && (state === "failed" || (state === "completed" && options.replace === "finished"))) await existing.remove();
  }
  await queue.add(name, data, { ...options.jobOptions, jobId: options.jobId });
  return { jobId: options.jobId };
}

export type EnqueueGenerateTasks = (payload: GenerateTasksPayload, options?: Pick<EnqueueOptions, "replace">) => Promise<{ jobId: string }>;

/** One `generate-tasks` job per client and template however often it is enqueued. */
export const enqueueGenerateTasks: EnqueueGenerateTasks = (payload, options = {}) =>
  enqueue("generate-tasks", payload, { jobId: generateTasksJobId(payload.client, payload.template), ...options });

export function syncRunJobId(run: string): string {
  return jobId("sync-run", run);
}

/**
 * A sync run waits out a source's outage longer than a task does: 8 attempts, 5 s doubling (about
 * 10 minutes in all), each resuming from the run's last committed page.
 */
export const syncRunJobOptions: Pick<JobsOptions, "attempts" | "backoff"> = { attempts: 8, backoff: { type: "exponential", delay: 5_000 } };

export type EnqueueSyncRun = (payload: SyncRunPayload, options?: Pick<EnqueueOptions, "replace">) => Promise<{ jobId: string }>;

/**
 * One `sync-run` job per run (`sync-run|SR-00042`: BullMQ reserves `:`). Re-enqueueing a run whose
 * job failed for good (`replace: "failed"`) resumes it from its checkpoint.
 */
export const enqueueSyncRun: EnqueueSyncRun = (payload, options = {}) =>
  enqueue("sync-run", payload, { jobId: syncRunJobId(payload.run), jobOptions: syncRunJobOptions, ...options });

/** A one-off `sync-schedule` job (the worker's scheduler adds the periodic ones). */
export function enqueueSyncSchedule(payload: SyncSchedulePayload, id: string, jobOptions?: EnqueueOptions["jobOptions"]): Promise<{ jobId: string }> {
  return enqueue("sync-schedule", payload, { jobId: jobId("sync-schedule", payload.source, id), jobOptions });
}

/**
 * The run that applies webhook pushes: pushes within the same 5 seconds share one job, and a job
 * that finds the source busy retries (1 s doubling, about 17 minutes in all) until it is free.
 */
export function enqueueSyncAfterPush(source: string, now = Date.now()): Promise<{ jobId: string }> {
  return enqueueSyncSchedule({ source, sync_type: "incremental", after_push: true }, `push-${Math.floor(now / 5_000)}`, { attempts: 10, backoff: { type: "exponential", delay: 1_000 } });
}

/** Round trip to the queue Redis (health checks); rejects within seconds when it is down. */
export async function pingQueueRedis(): Promise<void> {
  await producerConnection().ping();
}

/** Closes every producer queue, then their Redis connection (graceful shutdown, end of tests). */
export async function closeQueues(): Promise<void> {
  const closing = [...queues.values()];
  queues.clear();
  const conn = connection;
  connection = undefined;
  await Promise.allSettled(closing.map((q) => q.close()));
  if (conn) await conn.quit().catch(() => conn.disconnect());
}
