/**
 * Small service chores for scripts/test.sh (run with tsx):
 *
 *   drop-database URL   drops the database named in URL (only a throwaway one: orch_e2e_*)
 *   flush-redis URL     empties the Redis logical database named in URL
 *
 * Both refuse a non-local host unless ALLOW_NONLOCAL_TEST_SERVICES=1, like the vitest global setup.
 */
import mysql from "mysql2/promise";
import { Redis } from "ioredis";

function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host) && process.env.ALLOW_NONLOCAL_TEST_SERVICES !== "1") {
    throw new Error(`refusing to touch non-local host ${host} (set ALLOW_NONLOCAL_TEST_SERVICES=1 to override)`);
  }
}

async function dropDatabase(url: string): Promise<void> {
  assertLocal(url);
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  if (!/^orch_e2e_[A-Za-z0-9_]+$/.test(name)) throw new Error(`refusing to drop ${name}: not a throwaway e2e database`);
  parsed.pathname = "/";
  const admin = await mysql.createConnection({ uri: parsed.toString() });
  try {
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  } finally {
    await admin.end();
  }
}

async function flushRedis(url: string): Promise<void> {
  assertLocal(url);
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, connectTimeout: 5_000 });
  try {
    await redis.connect();
    await redis.flushdb();
  } finally {
    redis.disconnect();
  }
}

async function main(): Promise<void> {
  const [command, url] = process.argv.slice(2);
  if (!url) throw new Error("usage: test-services.ts drop-database|flush-redis URL");
  if (command === "drop-database") await dropDatabase(url);
  else if (command === "flush-redis") await flushRedis(url);
  else throw new Error(`unknown command ${command ?? ""}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error("test-services:", error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
