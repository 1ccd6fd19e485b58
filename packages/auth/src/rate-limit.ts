import { AppError, AppErrorCode } from "@orchestrator/db";
import type { Redis } from "ioredis";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "./env";
import { getRedis } from "./redis";

/**
 * Login throttling: every failed login consumes a point per account (lower-cased email) and per client
 * IP; once either bucket is spent, further attempts are refused until its window ends, before any
 * password is checked. A successful login clears the account bucket (not the IP one: one valid account
 * must not let an attacker reset the IP's count).
 */
export interface LoginLimiterOptions {
  maxFailuresPerAccount?: number;
  maxFailuresPerIp?: number;
  windowSeconds?: number;
  /** Separates test runs or tenants; defaults to `login-fail`. */
  keyPrefix?: string;
}

export interface LoginLimiter {
  /** Throws AppError RateLimited (with `retryAfter` seconds) when the account or the IP is blocked. */
  assertNotBlocked(email: string, ip: string | null | undefined): Promise<void>;
  recordFailure(email: string, ip: string | null | undefined): Promise<void>;
  recordSuccess(email: string): Promise<void>;
}

export const accountKey = (email: string) => email.trim().toLowerCase();
/** Requests without a known client IP share one bucket: failing closed beats not limiting them at all. */
const ipKey = (ip: string | null | undefined) => ip?.trim() || "unknown";

function rateLimited(msBeforeNext: number): AppError {
  const retryAfter = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new AppError(AppErrorCode.RateLimited, `Too many failed login attempts. Try again in ${retryAfter} seconds.`, { retryAfter });
}

export function createLoginLimiter(options: LoginLimiterOptions = {}): LoginLimiter {
  const duration = options.windowSeconds ?? env.LOGIN_FAILURE_WINDOW_MINUTES * 60;
  const prefix = options.keyPrefix ?? "login-fail";
  const perAccount = new RateLimiterRedis({ storeClient: getRedis(), keyPrefix: `${prefix}:account`, points: options.maxFailuresPerAccount ?? env.LOGIN_MAX_FAILURES_PER_ACCOUNT, duration });
  const perIp = new RateLimiterRedis({ storeClient: getRedis(), keyPrefix: `${prefix}:ip`, points: options.maxFailuresPerIp ?? env.LOGIN_MAX_FAILURES_PER_IP, duration });

  return {
    async assertNotBlocked(email, ip) {
      const [account, fromIp] = await Promise.all([perAccount.get(accountKey(email)), perIp.get(ipKey(ip))]);
      const blockedFor = Math.max(
        account && account.consumedPoints >= perAccount.points ? account.msBeforeNext : 0,
        fromIp && fromIp.consumedPoints >= perIp.points ? fromIp.msBeforeNext : 0,
      );
      if (blockedFor > 0) throw rateLimited(blockedFor);
    },

    async recordFailure(email, ip) {
      const results = await Promise.allSettled([perAccount.consume(accountKey(email)), perIp.consume(ipKey(ip))]);
      for (const result of results) {
        // A RateLimiterRes rejection only means the bucket is now over its limit: the next attempt is
        // refused by assertNotBlocked. Anything else is a Redis failure and must surface.
        if (result.status === "rejected" && !(result.reason instanceof RateLimiterRes)) throw result.reason;
      }
    },

    async recordSuccess(email) {
      await perAccount.delete(accountKey(email));
    },
  };
}

let defaultLimiter: { limiter: LoginLimiter; client: Redis } | undefined;

/**
 * The limiter with the env settings, created on first use. It is rebuilt when the shared Redis client
 * was replaced (after `closeRedis()`), since a limiter keeps the client it was built with.
 */
export function getLoginLimiter(): LoginLimiter {
  const client = getRedis();
  if (defaultLimiter?.client !== client) defaultLimiter = { limiter: createLoginLimiter(), client };
  return defaultLimiter.limiter;
}
