/**
 * @orchestrator/modules/jobs — one thin processor per queue, delegating to module code. The worker
 * registers a BullMQ Worker for each queue listed by `createProcessors`.
 */
import type { QueueName } from "../queue/names";
import { createSlaProcessor } from "./sla";
import { createSyncProcessor } from "./sync";
import { createTasksProcessor } from "./tasks";
import type { JobDeps, QueueProcessor } from "./types";
import { createEmailProcessor } from "../email/jobs";
import { createMaintenanceProcessor } from "../helpdesk/automation/jobs";
import { createNotificationsProcessor } from "../crm/reminders/jobs";

export { processGenerateTasks } from "./generate-tasks";
export { createTasksProcessor } from "./tasks";
export { createSyncProcessor, processSyncRun, processSyncSchedule, type SyncJobDeps } from "./sync";
export { createSlaProcessor, processSlaSweep, type SlaJobDeps } from "./sla";
export type { JobDeps, LoadPrincipal, QueueProcessor } from "./types";
export { createEmailProcessor, processEmailSend, processEmailSweep, type EmailJobDeps } from "../email/jobs";
export { createMaintenanceProcessor, processHelpdeskAutoClose, type AutoCloseJobDeps } from "../helpdesk/automation/jobs";
export { createNotificationsProcessor, processCrmTaskReminders, type TaskRemindersJobDeps } from "../crm/reminders/jobs";

/** The queues that have work today, with their processors; the other declared queues get theirs later. */
export function createProcessors(deps: JobDeps): Partial<Record<QueueName, QueueProcessor>> {
  return { tasks: createTasksProcessor(deps), sync: createSyncProcessor(deps), sla: createSlaProcessor(deps), email: createEmailProcessor(deps), maintenance: createMaintenanceProcessor(deps), notifications: createNotificationsProcessor(deps) };
}
