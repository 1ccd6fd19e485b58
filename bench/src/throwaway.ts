import type * as SystemModule from "@orchestrator/db/system";
import { createThrowawayDatabase } from "@orchestrator/db/testing";

type System = typeof SystemModule;

export interface BenchDatabase {
  system: System;
  db: ReturnType<System["unsafeSystemDb"]>;
  pool: ReturnType<System["unsafeSystemPool"]>;
}

/**
 * One bench section in its own throwaway database: the environment points at it (and at Redis:
 * BENCH_REDIS_URL, else `redisUrl`) before the app's modules are imported — they read it at import,
 * so a section imports them inside `section` — the access model is seeded, and the database is
 * dropped afterwards unless KEEP_BENCH_DB=1.
 */
export async function inThrowawayDatabase(prefix: string, redisUrl: string, section: (bench: BenchDatabase) => Promise<void>): Promise<void> {
  const { url, drop } = await createThrowawayDatabase(prefix);
  process.env.DATABASE_URL = url;
  process.env.REDIS_URL = process.env.BENCH_REDIS_URL ?? redisUrl;
  process.env.NODE_ENV = "production";
  process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-01";
  try {
    const system = await import("@orchestrator/db/system");
    const db = system.unsafeSystemDb();
    await system.seedAccessModel(db);
    await section({ system, db, pool: system.unsafeSystemPool() });
    await system.closeDatabase();
  } finally {
    if (process.env.KEEP_BENCH_DB !== "1") await drop();
  }
}
