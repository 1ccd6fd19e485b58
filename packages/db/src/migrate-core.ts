import { fileURLToPath } from "node:url";
import path from "node:path";
import mysql from "mysql2/promise";
import { drizzle } from "drizzle-orm/mysql2";
import { migrate } from "drizzle-orm/mysql2/migrator";

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "drizzle");

/**
 * Creates the database if needed (utf8mb4) and applies the committed migrations. Takes the URL
 * explicitly (no env import) so test setup can run it before any env module is loaded.
 */
export async function runMigrations(url: string): Promise<void> {
  const parsed = new URL(url);
  const database = parsed.pathname.replace(/^\//, "");
  if (!/^[A-Za-z0-9_]+$/.test(database)) throw new Error(`Refusing database name ${database}`);
  const serverUrl = new URL(url);
  serverUrl.pathname = "/";
  const admin = await mysql.createConnection({ uri: serverUrl.toString() });
  try {
    await admin.query(`CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
  const connection = await mysql.createConnection({ uri: url, multipleStatements: true });
  try {
    await migrate(drizzle(connection), { migrationsFolder });
  } finally {
    await connection.end();
  }
}
