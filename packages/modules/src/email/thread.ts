import type { Executor } from "@orchestrator/db";
import { emailMessages } from "@orchestrator/db/schema";
import { and, desc, eq } from "drizzle-orm";

/**
 * The Message-IDs of a document's thread (sent and received), oldest first, at most `max` (the newest):
 * a reply answers the last one (In-Reply-To) and lists them all (References).
 */
export async function threadMessageIds(exec: Executor, doctype: string, name: string, max = 20): Promise<string[]> {
  const m = emailMessages;
  const rows = await exec.select({ id: m.messageId }).from(m).where(and(eq(m.referenceDoctype, doctype), eq(m.referenceName, name))).orderBy(desc(m.creation)).limit(max);
  return rows.map((r) => r.id).reverse();
}
