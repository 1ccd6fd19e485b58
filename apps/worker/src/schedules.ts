import type { Queue } from "bullmq";
import type { JobSchedule } from "@orchestrator/modules/jobs/schedules";
import { getQueue, type QueueName } from "@orchestrator/modules/queue";

export interface ScheduleChanges {
  /** `queue/id` of every scheduler created or updated. */
  upserted: string[];
  /** `queue/id` of every scheduler removed: no longer defined, or disabled. */
  removed: string[];
}

/**
 * Removing a scheduler stops future runs, but its next run may already be waiting (an `every`
 * scheduler enqueues its first run at once): that one goes too, unless a worker has started it.
 * BullMQ names a scheduler's runs `repeat:<scheduler id>:<run time>`.
 */
async function removePendingRun(queue: Queue, schedulerId: string, next: number | undefined): Promise<void> {
  if (next === undefined) return;
  const run = await queue.getJob(`repeat:${schedulerId}:${next}`);
  if (!run || !["waiting", "delayed", "prioritized"].includes(await run.getState())) return;
  await run.remove().catch(() => undefined); // picked up meanwhile: it runs once, nothing more
}

/**
 * Makes the job schedulers of `queues` match `schedules`: each enabled schedule is upserted (a second
 * upsert updates the same scheduler, it never adds one), and every other scheduler on those queues is
 * removed. Queues this process does not consume are left alone: their own workers manage them.
 */
export async function applySchedules(queues: readonly QueueName[], schedules: readonly JobSchedule[]): Promise<ScheduleChanges> {
  const changes: ScheduleChanges = { upserted: [], removed: [] };
  for (const queueName of queues) {
    const queue = getQueue(queueName);
    const enabled = schedules.filter((s) => s.queue === queueName && s.everyMinutes > 0);
    for (const s of enabled) {
      await queue.upsertJobScheduler(s.id, { every: s.everyMinutes * 60_000 }, { name: s.name, data: s.data, opts: s.opts });
      changes.upserted.push(`${queueName}/${s.id}`);
    }
    const keep = new Set(enabled.map((s) => s.id));
    for (const existing of await queue.getJobSchedulers(0, -1)) {
      if (keep.has(existing.key)) continue;
      await queue.removeJobScheduler(existing.key);
      await removePendingRun(queue, existing.key, existing.next);
      changes.removed.push(`${queueName}/${existing.key}`);
    }
  }
  return changes;
}
