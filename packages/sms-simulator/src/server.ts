import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { handleTwilioApi, type AccountCredentials } from "./api";
import { handleControl } from "./control";
import { FaultQueue } from "./faults";
import { Lifecycle } from "./lifecycle";
import { ResourceStore } from "./store";
import type { CallbackAttempt, CallResource, FaultSpec, MessageResource } from "./types";

/** Test credentials of the simulator's one account (not secrets: the simulator binds to 127.0.0.1). */
export const DEFAULT_ACCOUNT: AccountCredentials = { accountSid: "AC00000000000000000000000000000001", authToken: "sim-auth-token-0123456789abcdef" };

export interface SmsSimulatorOptions {
  host?: string;
  /** 0 = a free port. */
  port?: number;
  account?: AccountCredentials;
  /** When set, `From` must be one of these numbers (Twilio's 21606 otherwise). */
  fromNumbers?: readonly string[] | null;
  /** Delay between status changes (queued → sent → delivered). Default 200 ms. */
  stepDelayMs?: number;
  /** Messages and calls kept in memory each (oldest dropped first). Default 1000. */
  maxResources?: number;
}

export interface SmsSimulator {
  host: string;
  port: number;
  /** Base URL: what TWILIO_BASE_URL points at. */
  url: string;
  account: AccountCredentials;
  messages(to?: string): MessageResource[];
  calls(): CallResource[];
  callbacks(): CallbackAttempt[];
  addFaults(...faults: FaultSpec[]): void;
  reset(): void;
  close(): Promise<void>;
}

/** Starts the Twilio-style API (Messages, Calls) and the simulator's `/_sim` control routes on one port. */
export async function startSmsSimulator(options: SmsSimulatorOptions = {}): Promise<SmsSimulator> {
  const host = options.host ?? "127.0.0.1";
  const account = options.account ?? DEFAULT_ACCOUNT;
  const store = new ResourceStore(options.maxResources ?? 1000);
  const faults = new FaultQueue();
  const lifecycle = new Lifecycle({ store, authToken: account.authToken, stepDelayMs: options.stepDelayMs ?? 200, fetch: globalThis.fetch });
  const fromNumbers = options.fromNumbers ?? null;

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://sms-simulator.local");
    void (async () => {
      if (await handleTwilioApi({ store, faults, lifecycle, account, fromNumbers }, req, res, url)) return;
      await handleControl({ store, faults, lifecycle, accountSid: account.accountSid }, req, res, url);
    })().catch((error: unknown) => {
      if (res.headersSent) return res.end();
      const text = JSON.stringify({ error: error instanceof Error ? error.message : "bad request" });
      res.writeHead(400, { "content-type": "application/json; charset=utf-8" }).end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  const reset = () => {
    lifecycle.stop();
    lifecycle.attempts.length = 0;
    store.clear();
    faults.clear();
  };
  return {
    host,
    port,
    url: `http://${host}:${port}`,
    account,
    messages: (to) => store.listMessages({ to: to ?? null }),
    calls: () => store.listCalls(),
    callbacks: () => [...lifecycle.attempts],
    addFaults: (...specs) => faults.add(specs),
    reset,
    async close() {
      lifecycle.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
