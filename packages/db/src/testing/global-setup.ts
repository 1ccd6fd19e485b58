import { Redis } from "ioredis";
import { assertLocal, createThrowawayDatabase } from "./throwaway";

/**
 * Vitest global setup for integration tests: a fresh, migrated MariaDB database and an empty Redis
 * logical database for this run, exported to the test workers through the environment, removed after.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const { url, drop } = await createThrowawayDatabase();
  process.env.DATABASE_URL = url;
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
    if (process.env.KEEP_TEST_DB !== "1") await drop();
  };
}
