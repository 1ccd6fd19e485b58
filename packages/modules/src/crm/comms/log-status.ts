import type { Doc, ScopedDb } from "@orchestrator/db";
import { advanceStatus, statusOf } from "./statuses";

export type LogKind = "sms" | "call";
export const LOG_DOCTYPE = { sms: "CRM SMS Log", call: "CRM Call Log" } as const;

/** What the provider said about a text or call: its id, its status (the provider's word) and, for a call, its duration. */
export interface ProviderReport {
  providerId?: string | null | undefined;
  providerStatus?: string | null | undefined;
  durationSeconds?: number | null | undefined;
}

/**
 * Applies a provider's report to a log, under a row lock, as an audited update by `scoped`: the
 * provider's id when the log has none, the status only forwards (`advanceStatus`: redelivered and
 * out-of-order callbacks change nothing), a call's duration. A report that changes nothing writes
 * nothing. Returns the log as it now is.
 */
export async function applyProviderReport(scoped: ScopedDb, kind: LogKind, name: string, report: ProviderReport): Promise<{ log: Doc; changed: boolean }> {
  const doctype = LOG_DOCTYPE[kind];
  return scoped.transaction(async (tx) => {
    const log = await tx.get(doctype, name, { forUpdate: true });
    const values: Record<string, unknown> = {};
    if (report.providerId && !log.provider_id) values.provider_id = report.providerId;
    const reported = report.providerStatus ? statusOf(kind, report.providerStatus) : null;
    if (reported) {
      const next = advanceStatus(kind, String(log.status), reported);
      if (next !== log.status) values.status = next;
    }
    if (kind === "call" && typeof report.durationSeconds === "number" && report.durationSeconds !== log.duration) values.duration = report.durationSeconds;
    if (!Object.keys(values).length) return { log, changed: false };
    return { log: await tx.update(doctype, name, values), changed: true };
  });
}
