import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getQueue, queueNames } from "@orchestrator/modules/queue";
import type { Metrics, QueueDepth } from "./metrics";

export type HealthChecks = Record<string, () => Promise<unknown>>;

const CHECK_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Job counts per state for every declared queue; a queue Redis cannot answer for is left out. */
async function queueDepths(): Promise<Record<string, QueueDepth>> {
  const entries = await Promise.all(
    queueNames.map(async (name) => {
      try {
        return [name, await withTimeout(getQueue(name).getJobCounts("waiting", "active", "delayed", "prioritized", "paused", "failed", "completed"), CHECK_TIMEOUT_MS)] as const;
      } catch {
        return undefined;
      }
    }),
  );
  return Object.fromEntries(entries.filter((e) => e !== undefined));
}

export interface HttpOptions {
  port: number;
  metrics: Metrics;
  checks: HealthChecks;
  /** While true, /healthz answers 503 so nothing waits on a worker that is going away. */
  shuttingDown: () => boolean;
}

/** The worker's only HTTP: `/healthz` (200 when every check answers, else 503) and `/metrics`. */
export async function startHttpServer(options: HttpOptions): Promise<Server & { port: number }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET") {
      res.writeHead(405).end();
      return;
    }
    if (path === "/healthz") {
      void (async () => {
        const results = await Promise.all(
          Object.entries(options.checks).map(async ([name, check]) => {
            try {
              await withTimeout(check(), CHECK_TIMEOUT_MS);
              return [name, "ok"] as const;
            } catch (error) {
              return [name, error instanceof Error ? error.message.slice(0, 200) : "failed"] as const;
            }
          }),
        );
        const healthy = !options.shuttingDown() && results.every(([, r]) => r === "ok");
        const body = { status: options.shuttingDown() ? "shutting down" : healthy ? "ok" : "unavailable", checks: Object.fromEntries(results) };
        res.writeHead(healthy ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify(body));
      })();
      return;
    }
    if (path === "/metrics") {
      void queueDepths().then((depths) => {
        res.writeHead(200, { "content-type": "text/plain; version=0.0.4" }).end(options.metrics.render(depths));
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, () => resolve());
  });
  return Object.assign(server, { port: (server.address() as AddressInfo).port });
}
