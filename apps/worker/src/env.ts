import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

/** Worker configuration, validated at start-up (REDIS_URL and DATABASE_URL belong to the queue and db packages). */
export const env = createEnv({
  server: {
    /** Port of the /healthz and /metrics endpoints. */
    WORKER_PORT: z.coerce.number().int().min(0).max(65_535).default(3001),
    /** Jobs processed at once per queue (each holds a database connection while it runs). */
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(5),
    /** How long a shutdown waits for running jobs before it stops them (they are retried elsewhere). */
    WORKER_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(30_000),
    /**
     * Queues this process consumes, comma-separated (e.g. `sync` in one container, `tasks,email` in
     * another); unset: every queue with a processor. Unknown names stop the start-up with a message.
     */
    WORKER_QUEUES: z.string().optional(),
    /**
     * How long a running job's lock lasts without being renewed (the worker renews it every half of
     * this). A worker that dies (SIGKILL, OOM, a lost host) leaves its jobs active until the lock
     * lapses; then another worker's stalled-job check hands them back to the queue.
     */
    WORKER_LOCK_DURATION_MS: z.coerce.number().int().min(1_000).default(30_000),
    /** How often this worker looks for stalled jobs (active jobs whose lock lapsed). */
    WORKER_STALLED_INTERVAL_MS: z.coerce.number().int().min(500).default(30_000),
    /**
     * How often one job may stall (its worker died mid-job) before it fails for good. Each stall
     * resumes the job (a sync run from its last committed page); the limit stops a job that kills
     * every worker it runs on from doing so forever.
     */
    WORKER_MAX_STALLED_COUNT: z.coerce.number().int().min(0).max(1_000).default(10),
    /** Minutes between scheduled incremental Kipu syncs (the `sync` queue's scheduler); 0 turns them off. */
    SYNC_KIPU_EVERY_MINUTES: z.coerce.number().int().min(0).max(7 * 24 * 60).default(15),
    /** Minutes between helpdesk escalation sweeps (the `sla` queue's scheduler); 0 turns them off. */
    HELPDESK_SWEEP_EVERY_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(1),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
