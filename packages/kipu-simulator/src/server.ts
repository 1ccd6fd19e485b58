import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { handleApi, type ApiContext } from "./api";
import type { SimCredentials } from "./auth";
import { createControl, handleControl, type SimControl } from "./control";
import { FaultQueue } from "./faults";
import { sendJson } from "./http";
import { PatientStore, SimClock } from "./store";
import type { SimRequestLogEntry } from "./types";

export const DEFAULT_CREDENTIALS: SimCredentials = {
  accessId: "demo-access-id",
  secretKey: "demo-secret-key-not-for-production",
  appId: "demo-app-id",
};

export interface KipuSimulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The control API has no auth: keep the default 127.0.0.1 unless the network is private. */
  host?: string;
  credentials?: Partial<SimCredentials>;
  /** Census size (not soft-deleted). Default 60. */
  patients?: number;
  /** Soft-deleted patients in the vault. Default: ceil(patients / 25). */
  deleted?: number;
  seed?: number;
  /** Pins the clock (dates of the seeded data and the Date-header check are relative to it). */
  now?: Date;
  /**
   * Status for a wrong signature. 401 per our reading of Kipu's docs ("Authentication signature was
   * missing or incorrect"); a public client recorded the live API answering 403 for it.
   */
  signatureFailureStatus?: 401 | 403;
}

export interface KipuSimulator {
  /** Base URL, e.g. http://127.0.0.1:3401 (no trailing slash). */
  url: string;
  port: number;
  credentials: SimCredentials;
  control: SimControl;
  close(): Promise<void>;
}

export async function startKipuSimulator(options: KipuSimulatorOptions = {}): Promise<KipuSimulator> {
  const credentials: SimCredentials = { ...DEFAULT_CREDENTIALS, ...options.credentials };
  const clock = new SimClock();
  if (options.now) clock.set(options.now);
  const store = new PatientStore(clock);
  const faults = new FaultQueue();
  const log: SimRequestLogEntry[] = [];
  let seq = 0;
  const timers = new Set<NodeJS.Timeout>();
  const patients = options.patients ?? 60;
  const defaults = { patients, deleted: options.deleted ?? Math.ceil(patients / 25), seed: options.seed ?? 42 };

  const control = createControl({ store, faults, log, defaults });
  control.reset();

  const ctx: ApiContext = { store, faults, credentials, signatureFailureStatus: options.signatureFailureStatus ?? 401, log, nextSeq: () => ++seq, timers };

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const handler = path.startsWith("/__sim/") ? handleControl(req, res, control) : path.startsWith("/api/") ? handleApi(req, res, ctx) : Promise.resolve(sendJson(res, 404, { errors: "Not Found", status_code: 404 }));
    handler.catch((err: unknown) => {
      // No request details here: they may carry identifiers.
      process.stderr.write(`kipu-simulator: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
      sendJson(res, 500, { errors: "Internal Server Error", status_code: 500 });
    });
  });
  const sockets = new Set<Socket>();
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    credentials,
    control,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}
