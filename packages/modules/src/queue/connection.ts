import { Redis, type RedisOptions } from "ioredis";
import { env } from "./env";

/**
 * - `worker`: BullMQ workers block on Redis and must wait out an outage, so commands never give up
 *   (`maxRetriesPerRequest: null`, which BullMQ requires for workers) and queue while offline.
 * - `producer`: code that enqueues from a request should fail fast when Redis is down rather than
 *   hang the request (BullMQ's "failing fast" pattern): a couple of retries, then an error.
 * Both reconnect forever with a capped back-off, so a process recovers by itself when Redis returns.
 */
export type ConnectionRole = "worker" | "producer";

const reconnect = (attempt: number) => Math.min(500 * attempt, 5_000);

let lastErrorLoggedAt = 0;

export function createRedisConnection(role: ConnectionRole, options: RedisOptions = {}): Redis {
  const connection = new Redis(env.REDIS_URL, {
    maxRetriesPerRequest: role === "worker" ? null : 2,
    enableOfflineQueue: true,
    connectTimeout: 5_000,
    retryStrategy: reconnect,
    connectionName: `orchestrator-${role}`,
    ...options,
  });
  // Without a listener ioredis reports each failed reconnect as an unhandled error; log at most every 30 s.
  connection.on("error", (error: Error) => {
    if (Date.now() - lastErrorLoggedAt < 30_000) return;
    lastErrorLoggedAt = Date.now();
    console.error(`[queue] redis (${role}): ${error.message}`);
  });
  return connection;
}
