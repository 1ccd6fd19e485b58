import { UnrecoverableError, Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import { createProcessors, type JobDeps, type QueueProcessor } from "@orchestrator/modules/jobs";
import { createRedisConnection, type QueueName } from "@orchestrator/modules/queue";
import { consumedQueues } from "./consumed-queues";
import { describeError, jsonLogger, type Logger } from "./log";
import { Metrics } from "./metrics";

export interface RegisterOptions extends JobDeps {
  /** Jobs run at once per queue. */
  concurrency: number;
  log?: Logger;
  metrics?: Metrics;
  /** Replaces the module processors (tests). */
  processors?: Partial<Record<QueueName, QueueProcessor>>;
  /** `WORKER_QUEUES`: the queues to consume (comma-separated); unset means every queue with a processor. */
  queues?: string | undefined;
  /** How jobs of a worker that died are found and handed back (BullMQ's defaults when left out). */
  stalls?: StallSettings | undefined;
}

/** `WORKER_LOCK_DURATION_MS`, `WORKER_STALLED_INTERVAL_MS`, `WORKER_MAX_STALLED_COUNT`. */
export interface StallSettings {
  lockDurationMs?: number | undefined;
  stalledIntervalMs?: number | undefined;
  maxStalledCount?: number | undefined;
}

export interface Registered {
  /** The consumed queues, in the order they were registered. */
  queues: QueueName[];
  workers: Map<QueueName, Worker>;
  metrics: Metrics;
  /** Closes the workers and their Redis connections; `force` does not wait for running jobs. */
  close(force?: boolean): Promise<void>;
}

/** Wraps a processor with timing, counters and one log line per attempt (ids and outcome, no payload). */
function instrument(queue: QueueName, processor: QueueProcessor, metrics: Metrics, log: Logger): QueueProcessor {
  return async (job: Job) => {
    const started = performance.now();
    const fields = { queue, jobId: job.id, name: job.name, attempt: job.attemptsMade + 1 };
    try {
      const result = await processor(job);
      const ms = performance.now() - started;
      metrics.completed(queue, ms);
      log("info", "job completed", { ...fields, durationMs: Math.round(ms), outcome: "completed" });
      return result;
    } catch (error) {
      const ms = performance.now() - started;
      const final = error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      metrics.failed(queue, ms, final);
      log(final ? "error" : "warn", "job failed", { ...fields, durationMs: Math.round(ms), outcome: final ? "failed" : "will retry", error: describeError(error) });
      throw error;
    }
  };
}

/**
 * One BullMQ Worker per consumed queue (langfuse's `register()`), each on its own Redis connection
 * that retries forever: when Redis goes away the workers wait and resume by themselves. Throws a
 * WorkerConfigError, before opening anything, when `queues` names a queue it cannot consume.
 */
/** How long a shutdown waits for workers still starting up (see `close`). */
const STARTUP_GRACE_MS = 2_000;

export function register(options: RegisterOptions): Registered {
  const log = options.log ?? jsonLogger;
  const metrics = options.metrics ?? new Metrics();
  const processors = options.processors ?? createProcessors({ loadPrincipal: options.loadPrincipal });
  const queues = consumedQueues(options.queues, (Object.keys(processors) as QueueName[]).filter((q) => processors[q]));
  const workers = new Map<QueueName, Worker>();
  const connections: Redis[] = [];
  let closing = false;

  for (const queue of queues) {
    const processor = processors[queue]!;
    const connection = createRedisConnection("worker");
    connections.push(connection);
    // One line when the connection drops and one when it is back, so an outage shows in the logs
    // as a pair (ioredis reconnects by itself; the workers then carry on).
    let ready = false;
    let lost = false;
    connection.on("ready", () => {
      ready = true;
      if (!lost) return;
      lost = false;
      log("info", "redis connection restored", { queue });
    });
    connection.on("close", () => {
      if (!ready || lost || closing) return;
      lost = true;
      log("warn", "redis connection lost: reconnecting", { queue });
    });
    const worker = new Worker(queue, instrument(queue, processor, metrics, log), {
      connection,
      concurrency: options.concurrency,
      ...(options.stalls?.lockDurationMs !== undefined ? { lockDuration: options.stalls.lockDurationMs } : {}),
      ...(options.stalls?.stalledIntervalMs !== undefined ? { stalledInterval: options.stalls.stalledIntervalMs } : {}),
      ...(options.stalls?.maxStalledCount !== undefined ? { maxStalledCount: options.stalls.maxStalledCount } : {}),
    });
    worker.on("error", (error) => log("error", "worker error", { queue, error: describeError(error) }));
    worker.on("stalled", (jobId) => {
      metrics.stalled(queue);
      log("warn", "job stalled: it will be retried", { queue, jobId });
    });
    metrics.track(queue);
    workers.set(queue, worker);
    log("info", "worker registered", { queue, concurrency: options.concurrency });
  }

  return {
    queues,
    workers,
    metrics,
    async close(force = false) {
      closing = true;
      // A worker closed while BullMQ's own start-up commands (INFO, CLIENT SETNAME) are in flight
      // leaves them to reject, unhandled, once its connection is quit: let them finish first —
      // bounded, since Redis may be the reason we are shutting down.
      let timer: NodeJS.Timeout | undefined;
      const bounded = new Promise<void>((resolve) => { timer = setTimeout(resolve, STARTUP_GRACE_MS).unref(); });
      await Promise.race([Promise.allSettled([...workers.values()].map((w) => w.waitUntilReady())), bounded]);
      clearTimeout(timer);
      await Promise.all([...workers.values()].map((w) => w.close(force)));
      // The workers do not own a connection they were given: close ours after them.
      await Promise.all(connections.map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}
