import { UnrecoverableError, Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import { createProcessors, type JobDeps, type QueueProcessor } from "@orchestrator/modules/jobs";
import { createRedisConnection, type QueueName } from "@orchestrator/modules/queue";
import { describeError, jsonLogger, type Logger } from "./log";
import { Metrics } from "./metrics";

export interface RegisterOptions extends JobDeps {
  /** Jobs run at once per queue. */
  concurrency: number;
  log?: Logger;
  metrics?: Metrics;
  /** Replaces the module processors (tests). */
  processors?: Partial<Record<QueueName, QueueProcessor>>;
}

export interface Registered {
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
 * One BullMQ Worker per queue that has a processor (langfuse's `register()`), each on its own Redis
 * connection that retries forever: when Redis goes away the workers wait and resume by themselves.
 */
export function register(options: RegisterOptions): Registered {
  const log = options.log ?? jsonLogger;
  const metrics = options.metrics ?? new Metrics();
  const processors = options.processors ?? createProcessors({ loadPrincipal: options.loadPrincipal });
  const workers = new Map<QueueName, Worker>();
  const connections: Redis[] = [];

  for (const [queue, processor] of Object.entries(processors) as [QueueName, QueueProcessor][]) {
    const connection = createRedisConnection("worker");
    connections.push(connection);
    const worker = new Worker(queue, instrument(queue, processor, metrics, log), { connection, concurrency: options.concurrency });
    worker.on("error", (error) => log("error", "worker error", { queue, error: describeError(error) }));
    worker.on("stalled", (jobId) => log("warn", "job stalled: it will be retried", { queue, jobId }));
    metrics.track(queue);
    workers.set(queue, worker);
    log("info", "worker registered", { queue, concurrency: options.concurrency });
  }

  return {
    workers,
    metrics,
    async close(force = false) {
      await Promise.all([...workers.values()].map((w) => w.close(force)));
      // The workers do not own a connection they were given: close ours after them.
      await Promise.all(connections.map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}
