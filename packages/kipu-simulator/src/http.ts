// Response helpers. The error body mirrors Kipu's observed `{"errors": "...", "status_code": n}` (see auth.ts).
import type { IncomingMessage, ServerResponse } from "node:http";

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

/** Kipu's error body shape: `{"errors": "<message>", "status_code": <status>}`. */
export function sendKipuError(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  sendJson(res, status, { errors: message, status_code: status }, headers);
}

/** Gateways in front of an API usually answer 502/504 in HTML, not JSON; clients must cope. */
export function sendHtml(res: ServerResponse, status: number, title: string): void {
  if (res.headersSent || res.destroyed) return;
  const text = `<html><head><title>${status} ${title}</title></head><body><center><h1>${status} ${title}</h1></center></body></html>`;
  res.writeHead(status, { "content-type": "text/html", "content-length": String(Buffer.byteLength(text)) });
  res.end(text);
}

export async function readJsonBody(req: IncomingMessage, limit = 1_000_000): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw new BadRequest("body too large");
    chunks.push(buf);
  }
  const text = Buffer.concat(chunks).toString("utf8").trim();
  if (!text) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BadRequest("body is not JSON");
  }
}

export class BadRequest extends Error {}
