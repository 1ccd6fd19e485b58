import { isAppError, type ScopedDb } from "@orchestrator/db";
import { assignTicket, changeStatus } from "../tickets/service";
import type { BulkOutput } from "./schemas";

type Item = { name: string; modified?: string | undefined };

/**
 * Applies one change to each ticket in turn, each in its own audited write through the scoped layer
 * (a ticket out of scope is NOT_FOUND, a newer save a CONFLICT): one ticket's refusal never undoes
 * or blocks the others, and the answer says what happened to each.
 */
async function eachTicket(items: readonly Item[], change: (item: Item) => Promise<unknown>): Promise<BulkOutput> {
  const results: BulkOutput["results"] = [];
  for (const item of items) {
    try {
      await change(item);
      results.push({ name: item.name, ok: true });
    } catch (error) {
      if (!isAppError(error)) throw error;
      results.push({ name: item.name, ok: false, code: error.code, message: error.message });
    }
  }
  const succeeded = results.filter((r) => r.ok).length;
  return { results, succeeded, failed: results.length - succeeded };
}

export function bulkAssign(scoped: ScopedDb, items: readonly Item[], assignee: string | null): Promise<BulkOutput> {
  return eachTicket(items, (item) => assignTicket(scoped, item.name, assignee, item.modified));
}

export function bulkSetStatus(scoped: ScopedDb, items: readonly Item[], status: string): Promise<BulkOutput> {
  return eachTicket(items, (item) => changeStatus(scoped, item.name, status, item.modified));
}
