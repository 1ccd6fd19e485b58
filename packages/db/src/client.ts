import { AsyncLocalStorage } from "node:async_hooks";
import { drizzle, type MySql2Database } from "drizzle-orm/mysql2";
import mysql from "mysql2/promise";
import { env } from "./env";
import * as schema from "./schema";

export type Database = MySql2Database<typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Either the pool-backed database or an open transaction: both run queries the same way. */
export type Executor = Database | Transaction;

/**
 * Counts SQL statements per unit of work (a request, a job) so tests and the bench can hold the
 * "≤ 4 statements per request" line. Drizzle's logger sees every statement it sends.
 */
const statementCounter = new AsyncLocalStorage<{ count: number }>();
export function countStatements<T>(fn: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const box = { count: 0 };
  return statementCounter.run(box, async () => ({ result: await fn(), statements: box.count }));
}

function createPool(url: string) {
  return mysql.createPool({
    uri: url,
    connectionLimit: env.DATABASE_POOL_SIZE,
    charset: "utf8mb4_unicode_ci",
    timezone: "Z",
    dateStrings: true,
    // JSON columns come back as strings from MariaDB (it stores JSON as LONGTEXT); we parse them ourselves.
    supportBigNumbers: true,
  });
}

let current: { pool: mysql.Pool; db: Database } | undefined;

/** The process-wide pool. Not exported from the package root: see `system.ts`. */
export function getDatabase(): { pool: mysql.Pool; db: Database } {
  if (!current) {
    const pool = createPool(env.DATABASE_URL);
    const db = drizzle(pool, {
      schema,
      mode: "default",
      logger: { logQuery: () => { const box = statementCounter.getStore(); if (box) box.count += 1; } },
    });
    current = { pool, db };
  }
  return current;
}

export async function closeDatabase(): Promise<void> {
  if (current) {
    const { pool } = current;
    current = undefined;
    await pool.end();
  }
}
