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
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
