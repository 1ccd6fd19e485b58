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

/** Whether a MariaDB error (however deep the driver wrapped it) has this code or errno. */
function hasDbError(error: unknown, code: string, errno: number): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === code || (e as { errno?: number }).errno === errno) return true;
  }
  return false;
}

/** MariaDB's duplicate-key error. */
export const isDuplicateKey = (error: unknown): boolean => hasDbError(error, "ER_DUP_ENTRY", 1062);

/** InnoDB chose this transaction as a deadlock victim (it was rolled back whole; running it again is safe). */
export const isDeadlock = (error: unknown): boolean => hasDbError(error, "ER_LOCK_DEADLOCK", 1213);
