import { Redis } from "ioredis";
import { env } from "./env";

let client: Redis | undefined;
let lastErrorLoggedAt = 0;

/**
 * The process-wide Redis client for sessions, caches and rate limits, created on first use.
 * - `maxRetriesPerRequest: 2`: while Redis is down a command fails within a few seconds instead of
 *   hanging the request (auth then fails closed).
 * - the offline queue stays on so commands issued while the first connection is still opening wait
 *   for it rather than failing at once;
 * - `retryStrategy` reconnects forever with a capped back-off, so the app recovers by itself.
 */
export function getRedis(): Redis {
  if (!client) {
    const created = new Redis(env.REDIS_URL, {
      maxRetriesPerRequest: 2,
      enableOfflineQueue: true,
      connectTimeout: 5_000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    });
    // Without a listener ioredis reports every failed reconnect as an unhandled error event.
    // Log at most every 30 s: the message names the host, never credentials.
    created.on("error", (error: Error) => {
      const now = Date.now();
      if (now - lastErrorLoggedAt < 30_000) return;
      lastErrorLoggedAt = now;
      console.error(`[auth] redis: ${error.message}`);
    });
    client = created;
  }
  return client;
}

/** Closes the shared client (graceful shutdown, end of tests). The next `getRedis()` opens a new one. */
export async function closeRedis(): Promise<void> {
  const closing = client;
  client = undefined;
  if (!closing) return;
  try {
    await closing.quit();
  } catch {
    closing.disconnect();
  }
}
