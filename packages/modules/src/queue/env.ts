import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

/** Queue configuration, validated at start-up. The queue Redis may be a different server from the cache's. */
export const env = createEnv({
  server: {
    REDIS_URL: z.url().default("redis://127.0.0.1:6379/0"),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
