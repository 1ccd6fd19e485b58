import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

// `next build` loads route modules (and so this env) without secrets: nothing is signed while building.
// The running server still refuses to start without AUTH_SECRET.
const isBuildPhase = process.env.NEXT_PHASE === "phase-production-build";
const isProduction = process.env.NODE_ENV === "production" && !isBuildPhase;

/** A fixed secret for development and tests only: production must set AUTH_SECRET (start-up fails otherwise). */
const DEV_AUTH_SECRET = "orchestrator-dev-only-secret-do-not-use-in-production";

/** "true"/"1" → true, "false"/"0" → false, unset → undefined (next-auth then decides from AUTH_URL and NODE_ENV). */
const booleanString = z
  .enum(["true", "false", "1", "0"])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === "true" || v === "1"));

export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    REDIS_URL: z.url().default("redis://127.0.0.1:6379/0"),
    /** Encrypts next-auth JWT cookies. At least 32 characters (`openssl rand -base64 32`). */
    AUTH_SECRET: isProduction ? z.string().min(32) : z.string().min(32).default(DEV_AUTH_SECRET),
    /** Public base URL of the web app as next-auth sees it (e.g. https://orchestrator.example.org). */
    AUTH_URL: z.url().optional(),
    /** Trust the Host / X-Forwarded-Host headers (set to true behind our nginx). */
    AUTH_TRUST_HOST: booleanString,
    /** A session ends after this many minutes without a request. */
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
    /** A session ends this many hours after login, however active. */
    SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
    /** Failed logins per account (lower-cased email) within the window before it is blocked. */
    LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
    /** Failed logins per client IP within the window before it is blocked. */
    LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(20),
    /** The window for both login failure limits, in minutes. */
    LOGIN_FAILURE_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});

/** next-auth's `trustHost`: explicit setting wins; otherwise trust when AUTH_URL pins the origin or outside production. */
export function authTrustHost(): boolean {
  return env.AUTH_TRUST_HOST ?? (env.AUTH_URL !== undefined || env.NODE_ENV !== "production");
}
