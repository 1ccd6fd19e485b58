/**
 * The outbox's door to its own tables for the delivery worker and the sweep: claiming a row, marking
 * it sent or failed, finding due rows. Delivery is system-level work on bookkeeping rows (no document,
 * no principal's scope), like the escalation engine's marks. Rows are *written* in a caller's
 * transaction by `queueEmail` (through `ScopedDb.bookkeepingExecutor`), never from here.
 */
import type { Executor } from "@orchestrator/db";
// eslint-disable-next-line no-restricted-imports -- see above: the outbox's delivery is system-level bookkeeping; documents use ScopedDb
import { unsafeSystemDb } from "@orchestrator/db/system";

export function outboxDb(): Executor {
  return unsafeSystemDb();
}
