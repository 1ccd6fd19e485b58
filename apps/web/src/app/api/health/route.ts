import { getRedis } from "@orchestrator/auth";
import { pingDatabase } from "@orchestrator/db";
import { env } from "~/env";
import { withTimeout } from "~/server/with-timeout";

export const dynamic = "force-dynamic";

type Status = "up" | "down";

async function check(name: string, probe: () => Promise<unknown>): Promise<Status> {
  try {
    await withTimeout(probe(), env.HEALTH_CHECK_TIMEOUT_MS, name);
    return "up";
  } catch (error) {
    console.error(JSON.stringify({ level: "warn", msg: "health check failed", dependency: name, error: error instanceof Error ? error.message : String(error) }));
    return "down";
  }
}

/**
 * Readiness for load balancers and `npm run demo`: 200 when MariaDB and Redis both answer within
 * the timeout, 503 naming the one that didn't. No authentication, no details beyond up/down.
 */
export async function GET(): Promise<Response> {
  const [database, redis] = await Promise.all([check("database", () => pingDatabase()), check("redis", () => getRedis().ping())]);
  const ok = database === "up" && redis === "up";
  return Response.json({ status: ok ? "ok" : "unavailable", database, redis }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
