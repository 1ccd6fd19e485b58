import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { FaultQueue } from "./faults";
import { createHttpApi } from "./http";
import { createSmtpServer, type SmtpCredentials } from "./smtp";
import { MessageStore } from "./store";
import type { FaultSpec, ReceivedMessage } from "./types";

export interface SmtpSimulatorOptions {
  host?: string;
  /** SMTP port; 0 = a free one. */
  smtpPort?: number;
  /** HTTP API port; 0 = a free one. */
  httpPort?: number;
  /** Required AUTH credentials; null/absent = no AUTH. */
  credentials?: SmtpCredentials | null;
  maxMessages?: number;
}

export interface SmtpSimulator {
  host: string;
  smtpPort: number;
  httpPort: number;
  /** Base URL of the HTTP API. */
  url: string;
  /** In-process access to what the HTTP API serves. */
  messages(to?: string): ReceivedMessage[];
  clearMessages(): void;
  addFaults(...faults: FaultSpec[]): void;
  clearFaults(): void;
  close(): Promise<void>;
}

const listen = (server: { listen: (port: number, host: string, cb: () => void) => unknown }, port: number, host: string) => new Promise<void>((resolve) => server.listen(port, host, resolve));

/** Starts the SMTP listener and its HTTP API. */
export async function startSmtpSimulator(options: SmtpSimulatorOptions = {}): Promise<SmtpSimulator> {
  const host = options.host ?? "127.0.0.1";
  const store = new MessageStore(options.maxMessages ?? 1000);
  const faults = new FaultQueue();
  const credentials = options.credentials ?? null;
  const smtp = createSmtpServer({ store, faults, credentials });
  let smtpPort = 0;
  const http: Server = createHttpApi({ store, faults, smtp: () => ({ host, port: smtpPort, auth: credentials !== null }) });
  await listen(smtp, options.smtpPort ?? 0, host);
  smtpPort = (smtp.server.address() as AddressInfo).port;
  await listen(http, options.httpPort ?? 0, host);
  const httpPort = (http.address() as AddressInfo).port;
  return {
    host,
    smtpPort,
    httpPort,
    url: `http://${host}:${httpPort}`,
    messages: (to) => store.list(to),
    clearMessages: () => void store.clear(),
    addFaults: (...specs) => faults.add(specs),
    clearFaults: () => faults.clear(),
    async close() {
      http.closeAllConnections();
      await Promise.all([new Promise<void>((resolve) => http.close(() => resolve())), new Promise<void>((resolve) => smtp.close(() => resolve()))]);
    },
  };
}
