import { randomUUID } from "node:crypto";
import { nextTimestamp, type VersionData } from "@orchestrator/db";
// eslint-disable-next-line no-restricted-imports -- a queue job is no document: ScopedDb audits documents only, so queue actions write their Version row themselves, as auth's user-admin does (access is checked first, in access.ts).
import { schema, unsafeSystemDb } from "@orchestrator/db/system";
import type { QueueName } from "../queue/names";
import type { QueueActor } from "./access";

/** The audit trail's document type for queue jobs: the Audit log filters on it. */
export const QUEUE_JOB_DOCTYPE = "Queue Job";

export interface QueueJobChange {
  queue: QueueName;
  jobId: string;
  /** `update` for a retry, `delete` for a discard (the Version table's actions). */
  action: "update" | "delete";
  /** The job's state before and after the action ("removed" once discarded). */
  state: [before: string, after: string];
}

/** `tasks/<job id>`, cut to the column's 140 characters. */
export function queueJobDocname(queue: QueueName, jobId: string): string {
  return `${queue}/${jobId}`.slice(0, 140);
}

const CHUNK = 500;

/**
 * Runs `perform` (the Redis side of an admin action) inside a database transaction that has already
 * written one Version row per affected job, in the data layer's shape: if the action throws, the rows
 * roll back, so the trail never claims an action that did not happen. Job payloads are never written:
 * only the queue, the job id and the state change.
 */
export async function withQueueAudit<T>(actor: QueueActor, changes: readonly QueueJobChange[], perform: () => Promise<T>): Promise<T> {
  return unsafeSystemDb().transaction(async (tx) => {
    const at = nextTimestamp();
    const rows = changes.map((c) => {
      const data: VersionData = { changed: [["state", c.state[0], c.state[1]]], added: [], removed: [], row_changed: [] };
      return { name: randomUUID(), refDoctype: QUEUE_JOB_DOCTYPE, docname: queueJobDocname(c.queue, c.jobId), action: c.action, data, owner: actor.principal.user, creation: at, requestId: actor.meta.requestId ?? null, ip: actor.meta.ip ?? null };
    });
    for (let i = 0; i < rows.length; i += CHUNK) await tx.insert(schema.versions).values(rows.slice(i, i + CHUNK));
    return perform();
  });
}
