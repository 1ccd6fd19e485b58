import { pingDatabase } from "@orchestrator/db";
import { closeDatabase } from "@orchestrator/db/system";
import { closeQueues, pingQueueRedis } from "@orchestrator/modules/queue";
import type { JobDeps, QueueProcessor } from "@orchestrator/modules/jobs";
import type { JobSchedule } from "@orchestrator/modules/jobs/schedules";
import type { QueueName } from "@orchestrator/modules/queue";
import { startHttpServer, type HealthChecks } from "./http";
import { describeError, jsonLogger, type Logger } from "./log";
import { register, type Registered, type StallSettings } from "./register";
import { applySchedules, type ScheduleChanges } from "./schedules";

export interface WorkerOptions extends JobDeps {
  port: number;
  concurrency: number;
  shutdownTimeoutMs: number;
  log?: Logger;
  processors?: Partial<Record<QueueName, QueueProcessor>>;
  /** `WORKER_QUEUES`: which queues this process consumes (comma-separated; default all with a processor). */
  queues?: string | undefined;
  /** Lock duration, stalled-job check interval and stall limit of the workers (BullMQ's defaults when left out). */
  stalls?: StallSettings | undefined;
  /**
   * The platform's schedules: those of the consumed queues become BullMQ job schedulers, and other
   * schedulers on those queues are removed. Left out (tests), schedulers are not touched.
   */
  schedules?: readonly JobSchedule[];
  /** Replaces the Redis and database checks of /healthz (tests). */
  checks?: HealthChecks;
  /** Other clients to close after the queues, before the database pool (e.g. the auth package's Redis). */
  closeAlso?: (() => Promise<void>)[];
}

export interface WorkerApp {
  port: number;
  registered: Registered;
  /**
   * Settles once the job schedulers match `schedules` (undefined when none were given). While Redis
   * cannot be reached it keeps trying in the background; a shutdown stops it (it then stays pending).
   */
  schedulesApplied: Promise<ScheduleChanges | undefined>;
  /**
   * Ordered shutdown: stop taking jobs and let the running ones finish (given up after the timeout:
   * "forced", the caller then exits and the jobs are retried), then the HTTP server, then the
   * producer queues and Redis, then the database pool.
   */
  shutdown(): Promise<"graceful" | "forced">;
}

const defaultChecks: HealthChecks = {
  redis: pingQueueRedis,
  database: pingDatabase,
};

const SCHEDULE_RETRY_MAX_MS = 30_000;

/** Applies the schedules, trying again with a capped back-off while Redis is unreachable. */
async function keepApplyingSchedules(queues: readonly QueueName[], schedules: readonly JobSchedule[], log: Logger, stopped: () => boolean): Promise<ScheduleChanges> {
  for (let attempt = 1; ; attempt++) {
    try {
      const changes = await applySchedules(queues, schedules);
      log("info", "schedules applied", { upserted: changes.upserted.join(",") || "none", removed: changes.removed.join(",") || "none" });
      return changes;
    } catch (error) {
      const delayMs = Math.min(1_000 * 2 ** (attempt - 1), SCHEDULE_RETRY_MAX_MS);
      log("warn", "applying schedules failed: trying again", { attempt, delayMs, error: describeError(error) });
      await new Promise((resolve) => setTimeout(resolve, delayMs).unref());
      if (stopped()) return new Promise<never>(() => {}); // shutting down: the next start applies them
    }
  }
}

export async function startWorker(options: WorkerOptions): Promise<WorkerApp> {
  const log = options.log ?? jsonLogger;
  const registered = register({ loadPrincipal: options.loadPrincipal, concurrency: options.concurrency, log, processors: options.processors, queues: options.queues, stalls: options.stalls });
  let shuttingDown = false;
  const server = await startHttpServer({ port: options.port, metrics: registered.metrics, checks: options.checks ?? defaultChecks, shuttingDown: () => shuttingDown });
  log("info", "worker started", { port: server.port, concurrency: options.concurrency, queues: registered.queues.join(",") });
  const schedulesApplied = options.schedules ? keepApplyingSchedules(registered.queues, options.schedules, log, () => shuttingDown) : Promise.resolve(undefined);

  let stopping: Promise<"graceful" | "forced"> | undefined;
  const shutdown = async (): Promise<"graceful" | "forced"> => {
    shuttingDown = true;
    log("info", "shutdown: waiting for running jobs");
    let outcome: "graceful" | "forced" = "graceful";
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<"timeout">((resolve) => { timer = setTimeout(() => resolve("timeout"), options.shutdownTimeoutMs); });
    const closing = registered.close().then(() => "closed" as const, (error: unknown) => {
      log("error", "shutdown: closing workers failed", { error: describeError(error) });
      return "closed" as const;
    });
    if ((await Promise.race([closing, timedOut])) === "timeout") {
      // The caller exits next. The running jobs' locks lapse, another worker retries them, and the
      // database rolls back their open transactions when the connections drop: nothing half-written.
      outcome = "forced";
      log("warn", "shutdown: jobs still running after the timeout, leaving them to be retried", { timeoutMs: options.shutdownTimeoutMs });
    }
    clearTimeout(timer);
    log("info", outcome === "graceful" ? "shutdown: workers closed" : "shutdown: workers abandoned");
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await closeQueues();
    for (const close of options.closeAlso ?? []) await close().catch((error: unknown) => log("error", "shutdown: closing a client failed", { error: describeError(error) }));
    log("info", "shutdown: queues closed");
    await closeDatabase();
    log("info", "shutdown: database closed", { outcome });
    return outcome;
  };

  return { port: server.port, registered, schedulesApplied, shutdown: () => (stopping ??= shutdown()) };
}
