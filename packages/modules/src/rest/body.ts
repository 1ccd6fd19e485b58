import { AppError, AppErrorCode } from "@orchestrator/db";

export const MAX_BODY_BYTES = 1024 * 1024;

/** The raw request body up to `max` bytes (413 beyond): what a signature is computed over. */
export async function readRawBody(req: Request, max = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > max) throw new AppError(AppErrorCode.PayloadTooLarge, "Request body is larger than 1 MiB");
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new AppError(AppErrorCode.PayloadTooLarge, "Request body is larger than 1 MiB");
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Reads a request body up to 1 MiB (413 beyond), as JSON or form data (Frappe accepts both). */
export async function readBody(req: Request): Promise<Record<string, unknown>> {
  const text = (await readRawBody(req)).toString("utf8");
  if (!text.trim()) return {};
  const type = req.headers.get("content-type") ?? "";
  if (type.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(text));
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw AppError.validation([{ field: "body", message: "is not valid JSON" }]);
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw AppError.validation([{ field: "body", message: "must be a JSON object" }]);
  // Frappe clients may wrap the document as {data: "<json>"} or {data: {...}}.
  const data = (parsed as { data?: unknown }).data;
  if (typeof data === "string") {
    try { return JSON.parse(data) as Record<string, unknown>; } catch { throw AppError.validation([{ field: "data", message: "is not valid JSON" }]); }
  }
  if (data && typeof data === "object" && !Array.isArray(data) && Object.keys(parsed).length === 1) return data as Record<string, unknown>;
  return parsed as Record<string, unknown>;
}
