import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { AppError, AppErrorCode } from "@orchestrator/db";
import { syncInbox } from "@orchestrator/db/schema";
import { z } from "zod";
import { dbTime, ensureSource } from "./sources";
import { syncDb } from "./store";

/**
 * The receiving end of a webhook source: the body is accepted only with a valid
 * `X-Signature: sha256=<hex HMAC-SHA256 of the raw body, keyed by the source's secret>` (the prefix
 * is optional), compared in constant time. Then each record lands in the source's inbox, once per
 * distinct body; the next sync of the source picks them up. The HTTP route (web app) reads the raw
 * body and the secret from its configuration and maps AppErrors to statuses as usual.
 * Nothing here logs, and errors name fields, never values.
 */

const MAX_RECORDS = 1000;
const envelope = z.union([z.strictObject({ records: z.array(z.unknown()).min(1).max(MAX_RECORDS) }), z.array(z.unknown()).min(1).max(MAX_RECORDS), z.record(z.string(), z.unknown())]);
const recordHead = z.object({ external_id: z.string().min(1).max(140) });

export function webhookSignature(rawBody: string | Buffer, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(rawBody).digest("hex")}`;
}

export function verifyWebhookSignature(rawBody: string | Buffer, signatureHeader: string | null | undefined, secret: string): boolean {
  if (!secret || !signatureHeader) return false;
  const given = signatureHeader.trim().replace(/^sha256=/i, "");
  if (!/^[0-9a-f]{64}$/i.test(given)) return false;
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  return timingSafeEqual(Buffer.from(given, "hex"), expected);
}

/** Canonical JSON (sorted keys), so the same record sent with its keys in another order is the same body. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export interface WebhookReceipt {
  source: string;
  received: number;
  /** New inbox rows; the rest were bodies already received. */
  stored: number;
}

export async function receiveWebhook(source: string, rawBody: string | Buffer, signatureHeader: string | null | undefined, secret: string): Promise<WebhookReceipt> {
  if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(source) || source === "kipu") throw AppError.notFound("Sync Source", source);
  if (!verifyWebhookSignature(rawBody, signatureHeader, secret)) throw new AppError(AppErrorCode.Unauthenticated, "invalid or missing webhook signature");
  let body: unknown;
  try {
    body = JSON.parse(typeof rawBody === "string" ? rawBody : rawBody.toString("utf8"));
  } catch {
    throw AppError.validation([{ field: "body", message: "is not JSON" }]);
  }
  const parsed = envelope.safeParse(body);
  if (!parsed.success) throw AppError.validation([{ field: "body", message: `expected a record, a list of records or {records: [...]} (at most ${MAX_RECORDS})` }]);
  const records = Array.isArray(parsed.data) ? parsed.data : "records" in parsed.data && Array.isArray(parsed.data.records) ? parsed.data.records : [parsed.data];
  const issues = records.flatMap((r, i) => (recordHead.safeParse(r).success ? [] : [{ field: `records[${i}].external_id`, message: "is required (a string of at most 140 characters)" }]));
  if (issues.length) throw AppError.validation(issues.slice(0, 20));

  const db = syncDb();
  await ensureSource(db, source, "webhook");
  const receivedAt = dbTime();
  let stored = 0;
  await db.transaction(async (tx) => {
    for (const record of records) {
      const payload = record as Record<string, unknown> & { external_id: string };
      const externalId = payload.external_id;
      const payloadHash = createHash("sha256").update(canonical(record)).digest("hex");
      // Seen before (same source, record and body): the first receipt keeps its place in the inbox.
      // IGNORE only skips that unique key here: the values are validated above and fit their columns.
      const [result] = (await tx.insert(syncInbox).ignore().values({ source, externalId, payload, payloadHash, receivedAt })) as unknown as [{ affectedRows: number }];
      if (result.affectedRows === 1) stored += 1;
    }
  });
  return { source, received: records.length, stored };
}
