import { AppError } from "@orchestrator/db";
import type { Job } from "bullmq";
import { queueNames, type QueueName } from "../queue/names";
import { getQueue } from "../queue/producers";
import { assertQueueAdmin, type QueueActor } from "./access";

/** Job counts of a queue. `waiting` includes prioritized jobs: both wait for a worker. */
export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
  paused: number;
}

export interface QueueScheduler {
  id: string;
  jobName: string;
  /** Milliseconds between runs, or the cron pattern. */
  everyMs: number | null;
  pattern: string | null;
  /** Epoch milliseconds of the next run, when known. */
  nextRunAt: number | null;
}

export interface QueueSummary {
  name: QueueName;
  counts: QueueCounts;
  isPaused: boolean;
  schedulers: QueueScheduler[];
}

/** What the admin view shows of a failed job: metadata only, never the job's data. */
export interface FailedJob {
  id: string;
  name: string;
  failedReason: string;
  attemptsMade: number;
  /** Epoch milliseconds: created, last started, failed. */
  createdAt: number;
  processedAt: number | null;
  failedAt: number | null;
}

/** Longest failure reason shown: processors write ids and codes, a stack trace would only add noise. */
const REASON_MAX = 1_000;

export function isQueueName(name: string): name is QueueName {
  return (queueNames as readonly string[]).includes(name);
}

/** A job of the queue in the given state, or NOT_FOUND (also when it exists in another state). */
export async function jobInState(queue: QueueName, jobId: string, state: "failed"): Promise<Job> {
  const job = await getQueue(queue).getJob(jobId);
  if (!job || (await job.getState()) !== state) throw AppError.notFound(`Failed job in ${queue}`, jobId);
  return job;
}

export function toFailedJob(job: Job): FailedJob {
  return {
    id: String(job.id),
    name: job.name,
    failedReason: (job.failedReason ?? "").slice(0, REASON_MAX),
    attemptsMade: job.attemptsMade,
    createdAt: job.timestamp,
    processedAt: job.processedOn ?? null,
    failedAt: job.finishedOn ?? null,
  };
}

async function summarize(name: QueueName): Promise<QueueSummary> {
  const queue = getQueue(name);
  const [counts, isPaused, schedulers] = await Promise.all([
    queue.getJobCounts("waiting", "prioritized", "active", "delayed", "completed", "failed", "paused"),
    queue.isPaused(),
    queue.getJobSchedulers(0, -1, true),
  ]);
  const n = (state: string) => counts[state] ?? 0;
  return {
    name,
    counts: { waiting: n("waiting") + n("prioritized"), active: n("active"), delayed: n("delayed"), completed: n("completed"), failed: n("failed"), paused: n("paused") },
    isPaused,
    schedulers: schedulers.map((s) => ({ id: s.key, jobName: s.name, everyMs: s.every ?? null, pattern: s.pattern ?? null, nextRunAt: s.next ?? null })),
  };
}

/** Every declared queue with its counts per state and its job schedulers. */
export async function listQueues(actor: QueueActor): Promise<QueueSummary[]> {
  assertQueueAdmin(actor.principal);
  return Promise.all(queueNames.map(summarize));
}

/** A page of a queue's failed jobs, most recently failed first. */
export async function listFailedJobs(actor: QueueActor, input: { queue: QueueName; start: number; limit: number }): Promise<{ rows: FailedJob[]; total: number }> {
  assertQueueAdmin(actor.principal);
  const queue = getQueue(input.queue);
  const [jobs, total] = await Promise.all([queue.getFailed(input.start, input.start + input.limit - 1), queue.getFailedCount()]);
  // A job removed between the two reads comes back as undefined.
  return { rows: jobs.filter((j): j is Job => Boolean(j)).map(toFailedJob), total };
}
