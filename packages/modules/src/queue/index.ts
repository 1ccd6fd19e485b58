/**
 * @orchestrator/modules/queue — what web and worker share about background work: queue and job names,
 * payload schemas, the Redis connection factory and typed producers.
 */
export { queueNames, jobQueues, type QueueName, type JobName } from "./names";
export { generateTasksPayload, jobPayloads, type GenerateTasksPayload, type JobPayload } from "./payloads";
export { createRedisConnection, type ConnectionRole } from "./connection";
export {
  closeQueues,
  defaultJobOptions,
  enqueue,
  enqueueGenerateTasks,
  generateTasksJobId,
  getQueue,
  jobId,
  pingQueueRedis,
  type EnqueueGenerateTasks,
  type EnqueueOptions,
} from "./producers";
