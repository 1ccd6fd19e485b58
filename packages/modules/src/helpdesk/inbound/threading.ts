import type { Executor } from "@orchestrator/db";
import { emailMessages } from "@orchestrator/db/schema";
import { and, eq, inArray } from "drizzle-orm";
import { normalizeMessageId } from "../../email/headers";

/** The ids an e-mail answers, most specific first: In-Reply-To, then References newest to oldest. */
export function answeredIds(inReplyTo: string | null | undefined, references: readonly string[] | undefined): string[] {
  const ids = [inReplyTo, ...[...(references ?? [])].reverse()].map((v) => normalizeMessageId(v ?? null)).filter((v): v is string => v !== null);
  return [...new Set(ids)];
}

/** The ticket the first known answered id belongs to (a message we sent or received on it), or null. */
export async function threadTicket(exec: Executor, ids: readonly string[]): Promise<string | null> {
  if (!ids.length) return null;
  const m = emailMessages;
  const rows = await exec.select({ id: m.messageId, ticket: m.referenceName }).from(m).where(and(inArray(m.messageId, [...ids]), eq(m.referenceDoctype, "HD Ticket")));
  const byId = new Map(rows.map((r) => [r.id, r.ticket]));
  for (const id of ids) if (byId.has(id)) return byId.get(id)!;
  return null;
}
