import { queueNames, type QueueName } from "@orchestrator/modules/queue";

/** A configuration mistake found at start-up: the process says what is wrong and exits. */
export class WorkerConfigError extends Error {
  override readonly name = "WorkerConfigError";
}

const isQueueName = (name: string): name is QueueName => (queueNames as readonly string[]).includes(name);

/**
 * The queues this process consumes, from `WORKER_QUEUES` (comma-separated): all queues that have a
 * processor when it is unset or blank, so the queues can be split across worker containers.
 * Unknown names, and queues without a processor in this build, are refused rather than ignored: a
 * typo would otherwise leave a queue without any consumer and nobody would notice.
 */
export function consumedQueues(requested: string | undefined, withProcessors: readonly QueueName[]): QueueName[] {
  if (!requested?.trim()) return [...withProcessors];
  const names = [...new Set(requested.split(",").map((n) => n.trim()).filter(Boolean))];
  const unknown = names.filter((n) => !isQueueName(n));
  if (unknown.length) {
    throw new WorkerConfigError(`WORKER_QUEUES names unknown queue(s) ${unknown.map((n) => `"${n}"`).join(", ")}; the queues are: ${queueNames.join(", ")}`);
  }
  const idle = names.filter((n) => !withProcessors.includes(n as QueueName));
  if (idle.length) {
    throw new WorkerConfigError(`WORKER_QUEUES names queue(s) without a processor in this build: ${idle.join(", ")}; queues with processors: ${withProcessors.join(", ") || "none"}`);
  }
  return names as QueueName[];
}
