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
    /** Minutes between scheduled incremental Kipu syncs (the `sync` queue's scheduler); 0 turns them off. */
    SYNC_KIPU_EVERY_MINUTES: z.coerce.number().int().min(0).max(7 * 24 * 60).default(15),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
