import { randomBytes } from "node:crypto";
import mysql from "mysql2/promise";
import { runMigrations } from "../migrate-core";

/** Tests and the bench only ever touch a local server: a guard against pointing them at real data. */
export function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host) && process.env.ALLOW_NONLOCAL_TEST_SERVICES !== "1") {
    throw new Error(`Refusing to run tests against non-local host ${host} (set ALLOW_NONLOCAL_TEST_SERVICES=1 to override)`);
  }
}

/** Creates and migrates a fresh database with a unique name; returns its URL and a dropper. */
export async function createThrowawayDatabase(prefix = "orch_test"): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = new URL(process.env.TEST_DATABASE_SERVER_URL ?? "mysql://root@127.0.0.1:3306/");
  assertLocal(server.toString());
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const url = new URL(server.toString());
  url.pathname = `/${name}`;
  await runMigrations(url.toString());
  return {
    url: url.toString(),
    drop: async () => {
      const admin = await mysql.createConnection({ uri: server.toString() });
      try { await admin.query(`DROP DATABASE IF EXISTS \`${name}\``); } finally { await admin.end(); }
    },
  };
}
