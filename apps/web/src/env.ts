import { z } from "zod";

/**
 * The web app's own configuration, validated once at start-up (imported by instrumentation.ts).
 * Database, Redis and auth settings belong to @orchestrator/db and @orchestrator/auth, which
 * validate their own. The only module here that may read `process.env` (lint rule).
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** Per-dependency timeout of GET /api/health, in milliseconds. */
  HEALTH_CHECK_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(2_000),
});

export type Env = z.infer<typeof schema>;

function loadEnv(): Readonly<Env> {
  // Empty strings count as unset, as in t3-env's `emptyStringAsUndefined`.
  const raw = Object.fromEntries(Object.keys(schema.shape).map((key) => [key, process.env[key] === "" ? undefined : process.env[key]]));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment variables for @orchestrator/web:\n${problems}`);
  }
  return Object.freeze(parsed.data);
}

export const env = loadEnv();
