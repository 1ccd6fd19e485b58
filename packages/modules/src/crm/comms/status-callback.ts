import { createScopedDb, type Principal, type RequestMeta } from "@orchestrator/db";
import { registry } from "../../registry";
import { applyProviderReport, LOG_DOCTYPE } from "./log-status";
import type { StatusUpdate } from "./provider";

export interface StatusCallbackResult {
  /** The log the callback was about, or null when none is ours (then nothing is written). */
  log: string | null;
  status: string | null;
  changed: boolean;
}

/**
 * Applies a verified status callback to its CRM SMS or Call Log, as `principal` (the integration
 * user; audited): the log named by the callback URL's `log` parameter (set when the text was sent),
 * else the one with the provider's id. A log that already has another provider id, or none found,
 * is left alone. Idempotent, and never moves a status backwards (`applyProviderReport`).
 */
export async function applyStatusCallback(principal: Principal, update: StatusUpdate, logName: string | null, meta: RequestMeta): Promise<StatusCallbackResult> {
  const scoped = createScopedDb(principal, meta, registry);
  const doctype = LOG_DOCTYPE[update.kind];
  const filter = logName ? { field: "name", operator: "=" as const, value: logName } : { field: "provider_id", operator: "=" as const, value: update.sid };
  const [row] = await scoped.list(doctype, { filters: [filter], fields: ["name", "provider_id", "status"], limit: 1 });
  if (!row || (row.provider_id && row.provider_id !== update.sid)) return { log: null, status: null, changed: false };
  const { log, changed } = await applyProviderReport(scoped, update.kind, String(row.name), { providerId: update.sid, providerStatus: update.status, durationSeconds: update.durationSeconds });
  return { log: log.name, status: String(log.status), changed };
}
