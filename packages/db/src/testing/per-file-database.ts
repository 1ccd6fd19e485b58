import { afterAll } from "vitest";
import { Redis } from "ioredis";
import { createThrowawayDatabase } from "./throwaway";

/**
 * Vitest setup file for integration tests: every test file gets a fresh, migrated database of its
 * own (dropped afterwards) and an empty Redis db, so files never see each other's data. It runs
 * before the test file imports anything, so the packages' env modules read this DATABASE_URL.
 */
const { url, drop } = await createThrowawayDatabase();
process.env.DATABASE_URL = url;
const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379/13", { maxRetriesPerRequest: 1 });
await redis.flushdb();
redis.disconnect();

afterAll(async () => {
  if (process.env.KEEP_TEST_DB !== "1") await drop();
});
