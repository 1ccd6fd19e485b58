import { AppError, AppErrorCode } from "@orchestrator/db";
import { z } from "zod";
import { enqueueSyncAfterPush, enqueueSyncRun } from "../queue/producers";
import { env } from "../sync/env";
import { getSyncRun, KIPU_SOURCE, receiveWebhook, rollbackSyncRun, startSyncRun, type SyncRunSummary } from "../sync";
import { MAX_BODY_BYTES, readBody, readRawBody } from "./body";
import type { MethodContext } from "./methods";
import { json } from "./respond";

/**
 * The seed's sync methods (`orchestrator.sync.*`) over the sync services: the same permission check
 * (Super Admin or the Integration role), the same runs the UI and the schedule make.
 */

type Method = (ctx: MethodContext) => Promise<Response>;

const FINISHED = new Set<SyncRunSummary["status"]>(["completed", "failed", "rolled_back", "partially_rolled_back"]);
const POLL_MS = 250;

function requirePrincipal(ctx: MethodContext) {
  if (!ctx.principal) throw new AppError(AppErrorCode.Unauthenticated, "Not logged in");
  return ctx.principal;
}

function requirePost(ctx: MethodContext): void {
  if (ctx.req.method !== "POST") throw AppError.validation([{ field: "method", message: "use POST" }]);
}

/** Field errors named after the request's own parameters (`sync_type`, `dry_run`, …). */
function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw AppError.validation(result.error.issues.map((i) => ({ field: i.path.map(String).join(".") || "body", message: i.message })));
}

/** Frappe clients send booleans as true/false, 1/0 or their strings. */
const flag = z.union([z.boolean(), z.literal(0), z.literal(1), z.enum(["0", "1", "true", "false"])]).transform((v) => v === true || v === 1 || v === "1" || v === "true");

const syncInput = z.object({
  sync_type: z.enum(["full", "incremental"], { message: 'must be "full" or "incremental"' }),
  dry_run: flag.default(false),
  /** How long to wait for the run to finish before answering with its status (seconds, ≤ 120). */
  timeout: z.coerce.number().min(0).max(120).optional(),
});

const runInput = z.object({ run: z.string().min(1, "is required").max(140) });
const getRunInput = runInput.extend({
  limit: z.coerce.number().int().min(0).max(5000).optional(),
  start: z.coerce.number().int().min(0).optional(),
  action: z.enum(["create", "update", "remove", "conflict", "duplicate", "error"]).optional(),
});

async function params(ctx: MethodContext): Promise<Record<string, unknown>> {
  const query = Object.fromEntries(new URL(ctx.req.url).searchParams);
  return ctx.req.method === "GET" ? query : { ...query, ...(await readBody(ctx.req)) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const syncMethods: Record<string, Method> = {
  /**
   * Starts a Kipu sync and waits for it (up to `timeout` s, default SYNC_API_WAIT_SECONDS): 200 with
   * the seed's `{imported, updated, skipped, errors, run}` when it finished, 202 with the run and its
   * status when it is still going (follow it with get_sync_run).
   */
  async "orchestrator.sync.sync_kipu_clients"(ctx) {
    const principal = requirePrincipal(ctx);
    requirePost(ctx);
    const input = parse(syncInput, await params(ctx));
    // The caller's request id, if any, follows the run into its audit rows (bounded like the column).
    const requestId = ctx.req.headers.get("x-request-id")?.slice(0, 64) || undefined;
    const started = await startSyncRun({ source: KIPU_SOURCE, syncType: input.sync_type, dryRun: input.dry_run, trigger: "api", requestId }, principal);
    await enqueueSyncRun({ run: started.name, actor: principal.user, ...(requestId ? { requestId } : {}) });

    const deadline = Date.now() + (input.timeout ?? env.SYNC_API_WAIT_SECONDS) * 1000;
    let run = await getSyncRun(started.name, principal, { action: "error", limit: 100 });
    while (!FINISHED.has(run.status) && Date.now() < deadline) {
      await sleep(POLL_MS);
      run = await getSyncRun(started.name, principal, { action: "error", limit: 100 });
    }
    const { changes, changes_total: errorCount, ...summary } = run;
    const message = {
      imported: summary.imported,
      updated: summary.updated,
      skipped: summary.skipped,
      conflicts: summary.conflicts,
      duplicates: summary.duplicates,
      removed: summary.removed,
      errors: changes.map((c) => ({ external_id: c.external_id, reason: c.error_reason })),
      errors_total: errorCount,
      run: summary.name,
      status: summary.status,
      dry_run: summary.dry_run,
      ...(summary.error ? { error: summary.error } : {}),
    };
    return json({ message }, FINISHED.has(summary.status) ? 200 : 202);
  },

  /** The run with its change records (paged: `limit`, `start`; `action` filters). */
  async "orchestrator.sync.get_sync_run"(ctx) {
    const principal = requirePrincipal(ctx);
    const { run, ...options } = parse(getRunInput, await params(ctx));
    return json({ message: await getSyncRun(run, principal, options) });
  },

  /** Undoes a finished run; what was changed again since is kept and reported. */
  async "orchestrator.sync.rollback_sync_run"(ctx) {
    const principal = requirePrincipal(ctx);
    requirePost(ctx);
    const { run } = parse(runInput, await params(ctx));
    return json({ message: await rollbackSyncRun(run, principal) });
  },

  /**
   * A webhook source pushes records (`?source=<name>`, body signed with `X-Signature: sha256=<hex>`).
   * Public: the HMAC of the raw body with the source's secret (SYNC_WEBHOOK_SECRETS) is the
   * credential. An unknown source and a wrong signature answer alike (401), so neither is probed.
   * Stored records are applied by an incremental run of the source that the worker starts at once.
   */
  async "orchestrator.sync.receive_webhook"(ctx) {
    requirePost(ctx);
    const source = new URL(ctx.req.url).searchParams.get("source") ?? "";
    const secret = webhookSecrets().get(source);
    if (!secret) throw new AppError(AppErrorCode.Unauthenticated, "invalid or missing webhook signature");
    const raw = await readRawBody(ctx.req, MAX_BODY_BYTES);
    const receipt = await receiveWebhook(source, raw, ctx.req.headers.get("x-signature"), secret);
    // New records are applied by a run the worker starts shortly (pushes close together share it).
    if (receipt.stored > 0) await enqueueSyncAfterPush(source);
    return json({ message: receipt }, 202);
  },
};

/** `SYNC_WEBHOOK_SECRETS=crm=<secret>,lab=<secret>`: the webhook sources and their signing secrets. */
function webhookSecrets(): Map<string, string> {
  const out = new Map<string, string>();
  for (const pair of (env.SYNC_WEBHOOK_SECRETS ?? "").split(",")) {
    const at = pair.indexOf("=");
    if (at > 0 && at < pair.length - 1) out.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
  return out;
}
