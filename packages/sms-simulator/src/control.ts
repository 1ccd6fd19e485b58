import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { readBody, sendJson } from "./api";
import type { FaultQueue } from "./faults";
import type { Lifecycle } from "./lifecycle";
import type { ResourceStore } from "./store";

const faultSchema = z.strictObject({
  status: z.number().int().refine((s) => s === 429 || (s >= 500 && s <= 599), "429 or a 5xx"),
  times: z.number().int().min(1).max(10_000).optional(),
  retryAfter: z.number().int().min(0).max(3600).optional(),
});
const faultsBody = z.union([z.strictObject({ faults: z.array(faultSchema).min(1) }), faultSchema]);

/**
 * The simulator's own routes, for tests and the demo (no authentication: it binds to 127.0.0.1).
 * They live under `/_sim` so they can never collide with Twilio's paths:
 *
 *   GET    /health                → { ok, accountSid, messages, calls }
 *   GET    /_sim/messages[?to=]   → { messages }  (newest first, bodies included)
 *   GET    /_sim/calls            → { calls }
 *   GET    /_sim/callbacks        → { callbacks }  every status callback posted (url, params, signature, response status)
 *   POST   /_sim/faults {status, times?, retryAfter?} or {faults: [...]} → { pending }
 *          e.g. {"status":429,"times":2,"retryAfter":1} answers the next two API requests with 429
 *   GET    /_sim/faults → { pending };  DELETE /_sim/faults → { ok }
 *   POST   /_sim/reset            → { ok }  drops messages, calls, callbacks, faults and pending status changes
 */
export async function handleControl(
  deps: { store: ResourceStore; faults: FaultQueue; lifecycle: Lifecycle; accountSid: string },
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const path = url.pathname.replace(/\/+$/, "") || "/";
  const method = req.method ?? "GET";
  const { store, faults, lifecycle } = deps;
  if (path === "/health" && method === "GET") return sendJson(res, 200, { ok: true, accountSid: deps.accountSid, messages: store.listMessages().length, calls: store.listCalls().length });
  if (path === "/_sim/messages" && method === "GET") return sendJson(res, 200, { messages: store.listMessages({ to: url.searchParams.get("to") }) });
  if (path === "/_sim/calls" && method === "GET") return sendJson(res, 200, { calls: store.listCalls() });
  if (path === "/_sim/callbacks" && method === "GET") return sendJson(res, 200, { callbacks: lifecycle.attempts });
  if (path === "/_sim/faults" && method === "GET") return sendJson(res, 200, { pending: faults.pending() });
  if (path === "/_sim/faults" && method === "DELETE") {
    faults.clear();
    return sendJson(res, 200, { ok: true });
  }
  if (path === "/_sim/faults" && method === "POST") {
    const text = await readBody(req);
    const parsed = faultsBody.safeParse(text.trim() ? (JSON.parse(text) as unknown) : {});
    if (!parsed.success) return sendJson(res, 400, { error: parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ") });
    faults.add("faults" in parsed.data ? parsed.data.faults : [parsed.data]);
    return sendJson(res, 200, { pending: faults.pending() });
  }
  if (path === "/_sim/reset" && method === "POST") {
    lifecycle.stop();
    lifecycle.attempts.length = 0;
    store.clear();
    faults.clear();
    return sendJson(res, 200, { ok: true });
  }
  sendJson(res, 404, { error: `no route ${method} ${path}` });
}
