/**
 * Real processes for the worker's fault tests: a private redis-server (never the shared one, so
 * stopping or restarting it disturbs no other test) and the worker itself, started the way
 * production starts it (`node --import tsx src/index.ts`) and killed the way production loses it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";

const WORKER_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const REDIS_SERVER = process.env.REDIS_SERVER_BIN ?? "/usr/bin/redis-server";

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A port nothing listens on right now (the OS picks it; a tiny race with other processes remains). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Thrown by a `waitFor` probe when waiting longer cannot help (the run ended, the job failed): fails at once. */
export class GiveUp extends Error {}

/**
 * Polls `probe` until it returns a value other than undefined, or throws after `timeoutMs` (at once
 * when the probe throws GiveUp; other errors count as "not yet" and are reported on timeout).
 */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs: number, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      if (error instanceof GiveUp) throw error;
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError instanceof Error ? ` (last error: ${lastError.message})` : ""}`);
    await sleep(everyMs);
  }
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
}

export interface PrivateRedis {
  url: string;
  port: number;
  /** The running server's pid (undefined while stopped). */
  pid(): number | undefined;
  /** SIGTERM, and wait for it to exit (with AOF on, it fsyncs the file first). */
  stop(): Promise<void>;
  /** Starts it again on the same port (and, with AOF, the same data directory). */
  start(): Promise<void>;
  /** Stops it and removes its data directory. */
  close(): Promise<void>;
}

/**
 * A redis-server of the test's own on a free port. `appendonly: true` mirrors docker/compose.yaml's
 * queue Redis (AOF, fsync every second): a restart brings the queues back. Without it nothing is kept.
 */
export async function startPrivateRedis(options: { appendonly?: boolean } = {}): Promise<PrivateRedis> {
  const dir = await mkdtemp(join(tmpdir(), "orchestrator-fault-redis-"));
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}/0`;
  let child: ChildProcess | undefined;
  let output = "";

  const args = ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--daemonize", "no", "--protected-mode", "yes"];
  if (options.appendonly) args.push("--appendonly", "yes", "--appendfsync", "everysec", "--maxmemory-policy", "noeviction");
  else args.push("--appendonly", "no");

  const start = async () => {
    if (child) throw new Error("the private redis-server is already running");
    output = "";
    const started = spawn(REDIS_SERVER, args, { stdio: ["ignore", "pipe", "pipe"] });
    started.stdout?.on("data", (d: Buffer) => { output = (output + d.toString()).slice(-4_000); });
    started.stderr?.on("data", (d: Buffer) => { output = (output + d.toString()).slice(-4_000); });
    child = started;
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
    probe.on("error", () => {}); // connection refused until it listens: expected
    try {
      await waitFor(
        `redis-server on port ${port}`,
        async () => {
          if (started.exitCode !== null) throw new Error(`redis-server exited with ${started.exitCode}: ${output}`);
          if (probe.status !== "ready") await probe.connect().catch(() => undefined);
          return probe.status === "ready" && (await probe.ping()) === "PONG" ? true : undefined;
        },
        10_000,
        50,
      );
    } finally {
      probe.disconnect();
    }
  };

  const stop = async () => {
    const running = child;
    if (!running) return;
    const exited = exitOf(running);
    running.kill("SIGTERM");
    const timedOut = await Promise.race([exited.then(() => false), sleep(10_000).then(() => true)]);
    if (timedOut) {
      running.kill("SIGKILL");
      await exited;
    }
    child = undefined;
  };

  await start();
  return {
    url,
    port,
    pid: () => child?.pid,
    stop,
    start,
    close: async () => {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** One line the worker wrote: its JSON log lines parsed, anything else (ioredis notices on stderr) as text. */
export interface WorkerLine {
  stream: "stdout" | "stderr";
  at: number;
  level?: string;
  msg: string;
  fields: Record<string, unknown>;
}

export interface WorkerProcess {
  pid: number;
  lines: WorkerLine[];
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  alive(): boolean;
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The first line (from `fromIndex` on) that `match` accepts. */
  waitForLine(what: string, match: (line: WorkerLine) => boolean, timeoutMs: number, fromIndex?: number): Promise<WorkerLine>;
}

function parseLine(stream: WorkerLine["stream"], text: string): WorkerLine {
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>;
    if (parsed && typeof parsed === "object" && typeof parsed.msg === "string") {
      const { level, msg, ...fields } = parsed;
      return { stream, at: Date.now(), level: typeof level === "string" ? level : undefined, msg, fields };
    }
  } catch {
    // not a JSON log line
  }
  return { stream, at: Date.now(), msg: text, fields: {} };
}

/**
 * Starts the worker process with `env` on top of this process's environment (DATABASE_URL comes from
 * the per-file database). Resolves once it logged "worker started"; rejects if it exits before.
 */
export async function spawnWorker(env: Record<string, string>, options: { echo?: boolean } = {}): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/index.ts"], {
    cwd: WORKER_DIR,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (child.pid === undefined) throw new Error("the worker process did not start");
  const lines: WorkerLine[] = [];
  const waiters = new Set<() => void>();
  const collect = (stream: WorkerLine["stream"]) => {
    let rest = "";
    return (chunk: Buffer) => {
      const parts = (rest + chunk.toString()).split("\n");
      rest = parts.pop() ?? "";
      for (const part of parts) {
        if (!part.trim()) continue;
        lines.push(parseLine(stream, part));
        if (options.echo) process.stderr.write(`[worker ${child.pid}] ${part}\n`);
      }
      for (const wake of waiters) wake();
    };
  };
  child.stdout?.on("data", collect("stdout"));
  child.stderr?.on("data", collect("stderr"));
  const exited = exitOf(child);
  exited.then(() => { for (const wake of waiters) wake(); }, () => undefined);

  const worker: WorkerProcess = {
    pid: child.pid,
    lines,
    exited,
    alive: () => child.exitCode === null && child.signalCode === null,
    kill: async (signal) => {
      if (worker.alive()) child.kill(signal);
      return exited;
    },
    waitForLine: (what, match, timeoutMs, fromIndex = 0) =>
      new Promise<WorkerLine>((resolve, reject) => {
        const check = () => {
          const found = lines.slice(fromIndex).find(match);
          if (found) return done(() => resolve(found));
          if (!worker.alive()) return done(() => reject(new Error(`the worker exited before ${what}: ${lines.slice(-20).map((l) => l.msg).join(" | ")}`)));
        };
        const timer = setTimeout(() => done(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for the worker to log ${what}`))), timeoutMs);
        const done = (settle: () => void) => {
          clearTimeout(timer);
          waiters.delete(check);
          settle();
        };
        waiters.add(check);
        check();
      }),
  };
  await worker.waitForLine('"worker started"', (l) => l.msg === "worker started", 30_000);
  return worker;
}
