import { loadPrincipal } from "@orchestrator/auth";
import { AppError, AppErrorCode, createScopedDb } from "@orchestrator/db";
import { env as crmInboundEnv } from "../../crm/inbound/env";
import { receiveCrmEmail } from "../../crm/inbound/receive";
import { routeInbound } from "../../crm/inbound/route";
import { registry } from "../../registry";
import { readRawBody } from "../../rest/body";
import type { MethodContext } from "../../rest/methods";
import { json } from "../../rest/respond";
import { env as syncEnv } from "../../sync/env";
import { verifyWebhookSignature } from "../../sync/webhook-receiver";
import { env } from "./env";
import { parseInboundEmail } from "./payload";
import { receiveInboundEmail } from "./receive";

const UNSIGNED = "invalid or missing signature";

/**
 * `POST /api/method/orchestrator.helpdesk.receive_email`: one received e-mail (JSON, see payload.ts),
 * signed like the sync webhook — `X-Signature: sha256=<hex HMAC-SHA256 of the raw body>` keyed by
 * HELPDESK_INBOUND_EMAIL_SECRET. Public (the signature is the credential); nothing is read or written
 * before the signature and the body are checked. Acts as the integration user. Answers 200 with
 * `{message: {ticket, comment, action}}`; a redelivery answers the same with action `duplicate`.
 * Mail for the CRM (`crm/inbound/route.ts`) is answered `{message: {ticket: null, comment: null,
 * action, crm: {doctype, name, communication, action}}}` (`crm/inbound/receive.ts`).
 */
export async function receiveEmailMethod(ctx: MethodContext): Promise<Response> {
  if (ctx.req.method !== "POST") throw AppError.validation([{ field: "method", message: "use POST" }]);
  const secret = env.HELPDESK_INBOUND_EMAIL_SECRET;
  if (!secret) throw new AppError(AppErrorCode.Unauthenticated, "inbound e-mail is not configured on this server (HELPDESK_INBOUND_EMAIL_SECRET)");
  const raw = await readRawBody(ctx.req);
  if (!verifyWebhookSignature(raw, ctx.req.headers.get("x-signature"), secret)) throw new AppError(AppErrorCode.Unauthenticated, UNSIGNED);
  let body: unknown;
  try {
    body = JSON.parse(raw.toString("utf8"));
  } catch {
    throw AppError.validation([{ field: "body", message: "is not JSON" }]);
  }
  const email = parseInboundEmail(body);
  const principal = await loadPrincipal(syncEnv.SYNC_INTEGRATION_USER);
  if (!principal) throw new AppError(AppErrorCode.Internal, `the integration user ${syncEnv.SYNC_INTEGRATION_USER} does not exist or is disabled`);
  const meta = { requestId: ctx.req.headers.get("x-request-id")?.slice(0, 64) || `inbound-email`, ip: ctx.ip };
  // The CRM's mail (replies to its e-mails, mail to its addresses) is taken in front of the helpdesk.
  const route = await routeInbound(createScopedDb(principal, meta, registry).bookkeepingExecutor(), email, crmInboundEnv.CRM_INBOUND_ADDRESSES);
  return json({ message: route.to === "crm" ? await receiveCrmEmail(principal, email, route, meta) : await receiveInboundEmail(principal, email, meta) });
}

export const helpdeskEmailMethods: Record<string, (ctx: MethodContext) => Promise<Response>> = {
  "orchestrator.helpdesk.receive_email": receiveEmailMethod,
};
