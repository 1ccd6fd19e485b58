import { AppErrorCode, safeErrorSummary } from "@orchestrator/db";
import { errorMap, toAppError } from "../errors";

export function json(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers } });
}

/**
 * Errors in Frappe's shape: `exc_type`, `exception`, `_server_messages` (a JSON list of JSON
 * messages, as Frappe sends it), plus `fields` for per-field messages. Never a stack trace.
 */
export function errorResponse(error: unknown, requestId: string): Response {
  const app = toAppError(error);
  const mapped = errorMap[app.code];
  if (app.code === AppErrorCode.Internal) {
    console.error(JSON.stringify({ level: "error", msg: "REST request failed", requestId, error: safeErrorSummary(error) }));
  }
  const messages = app.fieldErrors.length ? app.fieldErrors.map((f) => `${f.field}: ${f.message}`) : [app.message];
  const headers: Record<string, string> = { "x-request-id": requestId };
  if (app.retryAfter) headers["retry-after"] = String(app.retryAfter);
  return json(
    {
      exc_type: mapped.frappe,
      exception: `frappe.exceptions.${mapped.frappe}: ${app.message}`,
      _server_messages: JSON.stringify(messages.map((message) => JSON.stringify({ message, title: "Message", indicator: "red" }))),
      ...(app.fieldErrors.length ? { fields: app.fieldErrors } : {}),
    },
    mapped.http,
    headers,
  );
}
