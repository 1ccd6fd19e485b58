import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

export const env = createEnv({
  server: {
    DATABASE_URL: z.url().default("mysql://root@127.0.0.1:3306/orchestrator"),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
