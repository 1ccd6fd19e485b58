/**
 * The escalation engine's door to its bookkeeping tables (`hd_ticket_escalation_marks`,
 * `hd_escalation_fired`): derived, system-level rows, read and written unscoped here only. Tickets,
 * activity and notifications always go through a ScopedDb bound to the same transaction.
 */
import type { Executor } from "@orchestrator/db";
// eslint-disable-next-line no-restricted-imports -- see above: escalation bookkeeping is system-level; documents use ScopedDb
import { unsafeSystemDb } from "@orchestrator/db/system";

export function escalationDb(): Executor {
  return unsafeSystemDb();
}

/** MariaDB's duplicate-key error, however deep the driver wrapped it. */
export function isDuplicateKey(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === "ER_DUP_ENTRY" || (e as { errno?: number }).errno === 1062) return true;
  }
  return false;
}
