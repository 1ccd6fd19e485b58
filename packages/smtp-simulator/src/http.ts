import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { z } from "zod";
import type { FaultQueue } from "./faults";
import type { MessageStore } from "./store";

const faultSchema = z.strictObject({
  code: z.number().int().min(400).max(599),
  times: z.number().int().min(1).max(10_000).optional(),
  stage: z.enum(["rcpt", "data"]).optional(),
  message: z.string().max(200).optional(),
});
const faultsBody = z.union([z.strictObject({ faults: z.array(faultSchema).min(1) }), faultSchema]);

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": String(Buffer.byteLength(text)) });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 100_000) throw new Error("body too large");
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8").trim();
  return text ? (JSON.parse(text) as unknown) : {};
}

/**
 * The simulator's HTTP API, for tests and the demo (no authentication: it binds to 127.0.0.1):
 *
 *   GET    /health                → { ok, messages, smtp: { host, port, auth } }
 *   GET    /messages[?to=<addr>]  → { messages: [...] }  (oldest first; `to` matches envelope, To and Cc)
 *   GET    /messages/:id          → one message (404 when unknown)
 *   DELETE /messages              → { deleted }
 *   POST   /faults {code, times?, stage?: "rcpt"|"data", message?} or {faults: [...]}
 *                                 → { pending }  e.g. {"code":451,"times":2} rejects the next two messages
 *   GET    /faults                → { pending };  DELETE /faults → { ok }
 */
export function createHttpApi(deps: { store: MessageStore; faults: FaultQueue; smtp: () => { host: string; port: number; auth: boolean } }): Server {
  const { store, faults } = deps;
  return createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://smtp-simulator.local");
    const path = url.pathname.replace(/\/+$/, "") || "/";
    const method = req.method ?? "GET";
    void (async () => {
      if (path === "/health" && method === "GET") return send(res, 200, { ok: true, messages: store.list().length, smtp: deps.smtp() });
      if (path === "/messages" && method === "GET") return send(res, 200, { messages: store.list(url.searchParams.get("to") ?? undefined) });
      if (path === "/messages" && method === "DELETE") return send(res, 200, { deleted: store.clear() });
      const one = /^\/messages\/(\d+)$/.exec(path);
      if (one && method === "GET") {
        const message = store.get(Number(one[1]));
        return message ? send(res, 200, message) : send(res, 404, { error: "no such message" });
      }
      if (path === "/faults" && method === "GET") return send(res, 200, { pending: faults.pending() });
      if (path === "/faults" && method === "DELETE") {
        faults.clear();
        return send(res, 200, { ok: true });
      }
      if (path === "/faults" && method === "POST") {
        const parsed = faultsBody.safeParse(await readJson(req));
        if (!parsed.success) return send(res, 400, { error: parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ") });
        faults.add("faults" in parsed.data ? parsed.data.faults : [parsed.data]);
        return send(res, 200, { pending: faults.pending() });
      }
      send(res, 404, { error: `no route ${method} ${path}` });
    })().catch((error: unknown) => send(res, 400, { error: error instanceof Error ? error.message : "bad request" }));
  });
}
