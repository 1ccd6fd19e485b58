/**
 * The worker process: BullMQ consumers for the platform's queues, /healthz and /metrics, and an
 * ordered shutdown on SIGTERM/SIGINT (exit 0 when every running job finished, 1 when forced).
 */
import { closeRedis, loadPrincipal } from "@orchestrator/auth";
import { platformSchedules } from "@orchestrator/modules/jobs/schedules";
import { startWorker } from "./app";
import { WorkerConfigError } from "./consumed-queues";
import { env } from "./env";
import { describeError, jsonLogger as log } from "./log";

const app = await startWorker({
  loadPrincipal,
  port: env.WORKER_PORT,
  concurrency: env.WORKER_CONCURRENCY,
  shutdownTimeoutMs: env.WORKER_SHUTDOWN_TIMEOUT_MS,
  queues: env.WORKER_QUEUES,
  stalls: { lockDurationMs: env.WORKER_LOCK_DURATION_MS, stalledIntervalMs: env.WORKER_STALLED_INTERVAL_MS, maxStalledCount: env.WORKER_MAX_STALLED_COUNT },
  schedules: platformSchedules({ kipuSyncEveryMinutes: env.SYNC_KIPU_EVERY_MINUTES, helpdeskSweepEveryMinutes: env.HELPDESK_SWEEP_EVERY_MINUTES }),
  // loadPrincipal caches principals in the auth package's Redis client: closed with the queues.
  closeAlso: [closeRedis],
  log,
}).catch((error: unknown) => {
  // A configuration mistake is reported in one plain line, not as a stack trace.
  if (error instanceof WorkerConfigError) log("error", `worker not started: ${error.message}`);
  else log("error", "worker not started", { error: describeError(error) });
  process.exit(1);
});

let signalled = false;
function onSignal(signal: NodeJS.Signals): void {
  if (signalled) {
    log("warn", "second signal: exiting without waiting", { signal });
    process.exit(1);
  }
  signalled = true;
  log("info", "signal received", { signal });
  app.shutdown().then(
    (outcome) => process.exit(outcome === "graceful" ? 0 : 1),
    (error: unknown) => {
      log("error", "shutdown failed", { error: describeError(error) });
      process.exit(1);
    },
  );
}
process.on("SIGTERM", onSignal);
process.on("SIGINT", onSignal);
process.on("unhandledRejection", (error) => log("error", "unhandled rejection", { error: describeError(error) }));
