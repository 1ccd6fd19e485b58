import { Redis } from "ioredis";
import { assertLocal } from "./throwaway";

/**
 * Vitest global setup for integration tests: points the run at local services (Redis logical db 13
 * unless TEST_REDIS_URL says otherwise) and sets test defaults. Each test file then gets its own
 * throwaway database from `per-file-database.ts`.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/13";
  assertLocal(redisUrl);
  process.env.REDIS_URL = redisUrl;
  process.env.NODE_ENV = "test";
  process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  await redis.flushdb();
  return async () => {
    await redis.flushdb();
    redis.disconnect();
  };
}
