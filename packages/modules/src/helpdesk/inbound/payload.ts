import { AppError } from "@orchestrator/db";
import { z } from "zod";
import { normalizeMessageId } from "../../email/headers";

const address = z.string().trim().toLowerCase().max(140, "must be at most 140 characters").pipe(z.email("must be an e-mail address"));
const messageId = z.string().max(255).transform((v, ctx) => {
  const id = normalizeMessageId(v);
  if (!id) ctx.addIssue({ code: "custom", message: "must be a Message-ID (<local@domain>)" });
  return id ?? "";
});

/**
 * The inbound e-mail webhook's body (documented in docs/rest-api.md): one received message, as a mail
 * provider's inbound route (or a small relay in front of an IMAP box) posts it. Unknown keys are ignored.
 */
export const inboundEmailSchema = z
  .object({
    message_id: messageId,
    in_reply_to: messageId.nullish(),
    references: z.array(z.string().max(255)).max(100, "at most 100 ids").optional(),
    from: z.object({ email: address, name: z.string().trim().max(140).optional() }),
    to: z.array(address).min(1, "at least one recipient").max(50),
    cc: z.array(address).max(50).optional(),
    subject: z.string().max(998).default(""),
    text: z.string().max(500_000).default(""),
    html: z.string().max(1_000_000).optional(),
    date: z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time" }).optional(),
  })
  .refine((m) => m.text.trim() !== "" || (m.html ?? "").trim() !== "", { path: ["text"], message: "text or html is required" });

export type InboundEmail = z.infer<typeof inboundEmailSchema>;

/** The body as an InboundEmail, or a VALIDATION error naming each bad field (`from.email`, `to.0`). */
export function parseInboundEmail(body: unknown): InboundEmail {
  const result = inboundEmailSchema.safeParse(body);
  if (result.success) return result.data;
  throw AppError.validation(result.error.issues.slice(0, 20).map((i) => ({ field: i.path.map(String).join(".") || "body", message: i.message })));
}

/** Plain text from HTML, for an html-only message (tags dropped, entities for the common characters). */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, "")
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h\d)>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * A reply without the quoted thread below it: from the first "On … wrote:" line or run of `>` lines
 * that is followed only by quotes. The ticket already holds what is quoted.
 */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  let end = lines.length;
  while (end > 0 && (lines[end - 1]!.trim() === "" || lines[end - 1]!.startsWith(">"))) end--;
  if (end > 0 && end < lines.length && /^\s*(on\b.*\bwrote:|-+\s*original message\s*-+)\s*$/i.test(lines[end - 1]!)) end--;
  const kept = lines.slice(0, end).join("\n").trim();
  return kept || text.trim();
}
