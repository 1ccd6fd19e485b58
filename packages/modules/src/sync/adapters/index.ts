import { createKipuClient, type KipuClientOptions } from "../../integrations/kipu";
import { SourceError, type SyncAdapter } from "../adapter";
import { env } from "../env";
import type { SyncSourceRow } from "../sources";
import { syncDb } from "../store";
import { createKipuAdapter } from "./kipu";
import { createWebhookAdapter } from "./webhook";

export { createKipuAdapter, type KipuAdapterOptions } from "./kipu";
export { createWebhookAdapter, inboxCursor, mapWebhookRecord, webhookRecordSchema } from "./webhook";

/** Builds the adapter for a source as it is now (its disabled endpoints included). */
export type AdapterFactory = (source: SyncSourceRow) => SyncAdapter;

export type KipuConnection = Pick<KipuClientOptions, "baseUrl" | "accessId" | "secretKey" | "appId"> & Partial<Omit<KipuClientOptions, "baseUrl" | "accessId" | "secretKey" | "appId">>;

export interface AdapterConfig {
  /** Kipu's connection; undefined = not configured (a Kipu run then fails with that message). */
  kipu?: KipuConnection | undefined;
  perPage?: number;
}

export function createAdapterFactory(config: AdapterConfig): AdapterFactory {
  const perPage = config.perPage ?? env.SYNC_PAGE_SIZE;
  return (source) => {
    if (source.kind === "webhook") return createWebhookAdapter({ source: source.name, db: syncDb, perPage });
    if (!config.kipu) throw new SourceError("failed", "Kipu is not configured (KIPU_ACCESS_ID, KIPU_SECRET_KEY and KIPU_APP_ID are required)");
    return createKipuAdapter({ client: createKipuClient(config.kipu), disabledEndpoints: source.disabledEndpoints ?? [], perPage });
  };
}

/** Kipu from the environment (KIPU_BASE_URL, KIPU_ACCESS_ID, KIPU_SECRET_KEY, KIPU_APP_ID). */
export function adapterFactoryFromEnv(): AdapterFactory {
  const { KIPU_BASE_URL: baseUrl, KIPU_ACCESS_ID: accessId, KIPU_SECRET_KEY: secretKey, KIPU_APP_ID: appId } = env;
  return createAdapterFactory({ kipu: accessId && secretKey && appId ? { baseUrl, accessId, secretKey, appId } : undefined });
}
