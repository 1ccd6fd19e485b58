import { loadPrincipal } from "@orchestrator/auth";
import { AppError, AppErrorCode } from "@orchestrator/db";
import { readRawBody } from "../../rest/body";
import type { MethodContext } from "../../rest/methods";
import { json } from "../../rest/respond";
import { env as syncEnv } from "../../sync/env";
import { commsDeps, publicCallbackUrl } from "./deps";
import { env } from "./env";
import { applyStatusCallback } from "./status-callback";

/**
 * `POST /api/method/orchestrator.crm.sms_status`: the SMS provider's status callback for a text or a
 * call (Twilio's form body). Public: the `X-Twilio-Signature` over SMS_STATUS_CALLBACK_URL (with the
 * query the request came with) and the form is the credential — 403 when it does not verify, before
 * anything is read or written. Then the log is updated as the integration user: 200
 * `{message: {log, status, changed}}`, also for a callback about no log of ours and for a redelivery.
 */
export async function smsStatusMethod(ctx: MethodContext): Promise<Response> {
  if (ctx.req.method !== "POST") throw AppError.validation([{ field: "method", message: "use POST" }]);
  const base = env.SMS_STATUS_CALLBACK_URL;
  if (!base) throw AppError.forbidden("Status callbacks are not configured on this server (SMS_STATUS_CALLBACK_URL)");
  const params = new URLSearchParams((await readRawBody(ctx.req)).toString("utf8"));
  const update = commsDeps().provider.parseStatusCallback({ url: publicCallbackUrl(base, ctx.req.url), params, signature: ctx.req.headers.get("x-twilio-signature") });
  const principal = await loadPrincipal(syncEnv.SYNC_INTEGRATION_USER);
  if (!principal) throw new AppError(AppErrorCode.Internal, `the integration user ${syncEnv.SYNC_INTEGRATION_USER} does not exist or is disabled`);
  const requestId = ctx.req.headers.get("x-request-id")?.slice(0, 64) || "sms-status";
  const logName = new URL(ctx.req.url).searchParams.get("log");
  return json({ message: await applyStatusCallback(principal, update, logName, { requestId, ip: ctx.ip }) });
}

export const crmCommsMethods: Record<string, (ctx: MethodContext) => Promise<Response>> = {
  "orchestrator.crm.sms_status": smsStatusMethod,
};
