/**
 * UNSCOPED database access. For migrations, the seed, tests, the bench and system-level jobs only:
 * a lint rule keeps this module out of request code (web app, routers, REST).
 */
import { getDatabase, closeDatabase, type Database } from "./client";

export { closeDatabase };
export type { Database };
export * as schema from "./schema";

/** The raw Drizzle client: no scope, no audit. Name says it. */
export function unsafeSystemDb(): Database {
  return getDatabase().db;
}

export function unsafeSystemPool() {
  return getDatabase().pool;
}
export { runMigrations } from "./migrate";
export { seedDemo, seedAccessModel, createUser, isDatabaseEmpty, demoUsers, demoDepartments, type DemoUser } from "./seed/demo";
