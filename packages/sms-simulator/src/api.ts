import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { FaultQueue } from "./faults";
import type { Lifecycle } from "./lifecycle";
import { isE164, isHttpUrl, MAGIC_TO } from "./phone";
import { newSid, rfc2822, type ResourceStore } from "./store";
import { errors, type TwilioErrorBody } from "./twilio-errors";
import type { CallResource, MessageResource } from "./types";

export const API_VERSION = "2010-04-01";
const MAX_BODY_BYTES = 64 * 1024;
const MAX_SMS_CHARS = 1600;

export interface AccountCredentials {
  accountSid: string;
  authToken: string;
}

export interface ApiDeps {
  store: ResourceStore;
  faults: FaultQueue;
  lifecycle: Lifecycle;
  account: AccountCredentials;
  /** When set, `From` must be one of these (Twilio: your account's numbers); otherwise any E.164. */
  fromNumbers: readonly string[] | null;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

const sendError = (res: ServerResponse, error: TwilioErrorBody, headers: Record<string, string> = {}) => sendJson(res, error.status, error, headers);

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error("body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** HTTP Basic with AccountSid:AuthToken, as Twilio's API takes it. */
function authorised(req: IncomingMessage, account: AccountCredentials): boolean {
  const header = req.headers.authorization ?? "";
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header);
  if (!match?.[1]) return false;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return false;
  return same(decoded.slice(0, colon), account.accountSid) && same(decoded.slice(colon + 1), account.authToken);
}

/** SMS segments: 160 GSM-7 characters in one, 153 per part beyond; 70/67 when any character needs UCS-2. */
function segments(body: string): number {
  const gsm = /^[\x20-\x7E\r\n]*$/.test(body);
  const [single, part] = gsm ? [160, 153] : [70, 67];
  return body.length <= single ? 1 : Math.ceil(body.length / part);
}

function validateMessage(form: URLSearchParams, fromNumbers: readonly string[] | null): TwilioErrorBody | null {
  const to = form.get("To")?.trim() ?? "";
  const from = form.get("From")?.trim() ?? "";
  const body = form.get("Body") ?? "";
  const callback = form.get("StatusCallback");
  if (!to) return errors.toRequired();
  if (!from) return errors.fromRequired();
  if (!body) return errors.bodyRequired();
  if (!isE164(to) || to === MAGIC_TO.invalid) return errors.invalidTo(to);
  if (!isE164(from)) return errors.invalidFrom(from);
  if (fromNumbers && !fromNumbers.includes(from)) return errors.fromNotOwned(from);
  if (to === MAGIC_TO.blocked) return errors.blocked();
  if (to === MAGIC_TO.notMobile) return errors.notMobile(to);
  if (body.length > MAX_SMS_CHARS) return errors.bodyTooLong();
  if (callback !== null && !isHttpUrl(callback)) return errors.invalidCallback();
  return null;
}

function validateCall(form: URLSearchParams, fromNumbers: readonly string[] | null): TwilioErrorBody | null {
  const to = form.get("To")?.trim() ?? "";
  const from = form.get("From")?.trim() ?? "";
  const url = form.get("Url");
  const callback = form.get("StatusCallback");
  if (!to) return errors.callToRequired();
  if (!from) return errors.callFromRequired();
  if (!url && !form.get("Twiml")) return errors.callUrlRequired();
  if (url && !isHttpUrl(url)) return errors.invalidUrl();
  if (!isE164(to) || to === MAGIC_TO.invalid) return errors.invalidTo(to);
  if (!isE164(from)) return errors.invalidFrom(from);
  if (fromNumbers && !fromNumbers.includes(from)) return errors.fromNotOwned(from);
  if (callback !== null && !isHttpUrl(callback)) return errors.invalidCallback();
  return null;
}

/** StatusCallbackEvent may repeat or be space-separated; Twilio's default is "completed" only. */
function callbackEvents(form: URLSearchParams): string[] {
  const events = form.getAll("StatusCallbackEvent").flatMap((v) => v.split(/\s+/)).filter(Boolean);
  return events.length ? events : ["completed"];
}

function page<T>(items: T[], query: URLSearchParams, key: string, uri: string): Record<string, unknown> {
  const pageSize = Math.min(1000, Math.max(1, Number(query.get("PageSize")) || 50));
  const pageNo = Math.max(0, Number(query.get("Page")) || 0);
  const slice = items.slice(pageNo * pageSize, (pageNo + 1) * pageSize);
  const at = (p: number) => `${uri}?PageSize=${pageSize}&Page=${p}`;
  return {
    [key]: slice,
    page: pageNo,
    page_size: pageSize,
    start: pageNo * pageSize,
    end: pageNo * pageSize + Math.max(0, slice.length - 1),
    uri: at(pageNo),
    first_page_uri: at(0),
    next_page_uri: (pageNo + 1) * pageSize < items.length ? at(pageNo + 1) : null,
    previous_page_uri: pageNo > 0 ? at(pageNo - 1) : null,
  };
}

const ROUTE = /^\/2010-04-01\/Accounts\/([^/]+)\/(Messages|Calls)(?:\/([^/]+))?\.json$/;

/**
 * Twilio's REST API for Messages and Calls. Returns false when the path is not an API path (the
 * caller then tries the simulator's own routes). Order as Twilio: injected fault, auth, route, validation.
 */
export async function handleTwilioApi(deps: ApiDeps, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  if (!url.pathname.startsWith(`/${API_VERSION}/`)) return false;
  const fault = deps.faults.take();
  if (fault) {
    if (fault.status === 429) sendError(res, errors.tooManyRequests(), { "retry-after": String(fault.retryAfter ?? 1) });
    else sendError(res, errors.internal(fault.status));
    return true;
  }
  if (!authorised(req, deps.account)) {
    sendError(res, errors.authenticate(), { "www-authenticate": 'Basic realm="Twilio API"' });
    return true;
  }
  const match = ROUTE.exec(url.pathname);
  if (!match || match[1] !== deps.account.accountSid) {
    sendError(res, errors.notFound(url.pathname));
    return true;
  }
  const [, accountSid, kind, sid] = match as unknown as [string, string, "Messages" | "Calls", string | undefined];
  const method = req.method ?? "GET";
  const fail = (error: TwilioErrorBody): true => {
    sendError(res, error);
    return true;
  };
  const base = `/${API_VERSION}/Accounts/${accountSid}/${kind}`;

  if (sid) {
    if (method !== "GET") return fail(errors.methodNotAllowed(method));
    const found = kind === "Messages" ? deps.store.message(sid) : deps.store.call(sid);
    if (!found) return fail(errors.notFound(url.pathname));
    sendJson(res, 200, found.resource);
    return true;
  }
  if (method === "GET") {
    const list = kind === "Messages" ? deps.store.listMessages({ to: url.searchParams.get("To"), from: url.searchParams.get("From") }) : deps.store.listCalls();
    sendJson(res, 200, page<MessageResource | CallResource>(list, url.searchParams, kind === "Messages" ? "messages" : "calls", `${base}.json`));
    return true;
  }
  if (method !== "POST") return fail(errors.methodNotAllowed(method));

  const form = new URLSearchParams(await readBody(req));
  const now = rfc2822(new Date());
  if (kind === "Messages") {
    const invalid = validateMessage(form, deps.fromNumbers);
    if (invalid) return fail(invalid);
    const body = form.get("Body") ?? "";
    const newId = newSid("SM");
    const message = deps.store.addMessage(
      {
        sid: newId, account_sid: accountSid, api_version: API_VERSION, to: form.get("To")!.trim(), from: form.get("From")!.trim(), body, status: "queued", direction: "outbound-api",
        num_segments: String(segments(body)), num_media: "0", price: null, price_unit: "USD", error_code: null, error_message: null, messaging_service_sid: null,
        date_created: now, date_updated: now, date_sent: null, uri: `${base}/${newId}.json`, subresource_uris: { media: `${base}/${newId}/Media.json` },
      },
      { url: form.get("StatusCallback"), events: [] },
    );
    sendJson(res, 201, message);
    deps.lifecycle.startMessage(message.sid);
    return true;
  }
  const invalid = validateCall(form, deps.fromNumbers);
  if (invalid) return fail(invalid);
  const newId = newSid("CA");
  const call = deps.store.addCall(
    {
      sid: newId, account_sid: accountSid, api_version: API_VERSION, to: form.get("To")!.trim(), from: form.get("From")!.trim(), status: "queued", direction: "outbound-api",
      duration: null, start_time: null, end_time: null, price: null, price_unit: "USD", date_created: now, date_updated: now, uri: `${base}/${newId}.json`,
    },
    { url: form.get("StatusCallback"), events: callbackEvents(form) },
  );
  sendJson(res, 201, call);
  deps.lifecycle.startCall(call.sid);
  return true;
}
