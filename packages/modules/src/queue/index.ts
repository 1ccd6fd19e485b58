/**
 * @orchestrator/modules/queue — what web and worker share about background work: queue and job names,
 * payload schemas, the Redis connection factory and typed producers.
 */
export { queueNames, jobQueues, type QueueName, type JobName } from "./names";
export { generateTasksPayload, jobPayloads, slaSweepPayload, syncRunPayload, syncSchedulePayload, type GenerateTasksPayload, type JobPayload, type SlaSweepPayload, type SyncRunPayload, type SyncSchedulePayload } from "./payloads";
export { createRedisConnection, type ConnectionRole } from "./connection";
export {
  closeQueues,
  defaultJobOptions,
  enqueue,
  enqueueGenerateTasks,
  enqueueSyncRun,
  enqueueSyncAfterPush,
  enqueueSyncSchedule,
  syncRunJobId,
  syncRunJobOptions,
  generateTasksJobId,
  getQueue,
  jobId,
  pingQueueRedis,
  type EnqueueGenerateTasks,
  type EnqueueOptions,
  type EnqueueSyncRun,
} from "./producers";
