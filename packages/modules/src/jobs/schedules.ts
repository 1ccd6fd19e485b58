/**
 * @orchestrator/modules/jobs/schedules — the platform's recurring jobs, as data. The worker turns each
 * schedule of a queue it consumes into a BullMQ job scheduler (`upsertJobScheduler`) at start-up and
 * removes the schedulers of its queues that are no longer defined or are disabled.
 */
import type { JobsOptions } from "bullmq";
import { jobQueues, type JobName, type QueueName } from "../queue/names";
import { jobPayloads, type JobPayload } from "../queue/payloads";
import { defaultJobOptions } from "../queue/producers";
import { env as automationEnv } from "../helpdesk/automation/env";
import { env as crmRemindersEnv } from "../crm/reminders/env";

/** Job options a scheduler stamps on every job it creates. */
export type ScheduledJobOptions = Pick<JobsOptions, "attempts" | "backoff" | "removeOnComplete" | "removeOnFail">;

export interface JobSchedule {
  /** The BullMQ job scheduler id: stable, so upserting it again updates the one scheduler. */
  id: string;
  queue: QueueName;
  /** The job name the scheduler gives its jobs (the processor dispatches on it). */
  name: JobName;
  /** The validated payload: ids and options only, like every job payload. */
  data: Record<string, unknown>;
  /** Minutes between runs; 0 disables the schedule (its scheduler is removed). */
  everyMinutes: number;
  opts: ScheduledJobOptions;
}

/** Configuration the schedules depend on (the worker reads it from its environment). */
export interface ScheduleConfig {
  /** `SYNC_KIPU_EVERY_MINUTES`: minutes between incremental Kipu syncs; 0 turns them off. */
  kipuSyncEveryMinutes: number;
  /** `HELPDESK_SWEEP_EVERY_MINUTES`: minutes between escalation sweeps (default 1); 0 turns them off. */
  helpdeskSweepEveryMinutes?: number;
  /** Minutes between outbox sweeps (default 1): due mail whose send job was lost, pending notification e-mails. */
  emailSweepEveryMinutes?: number;
  /** `HELPDESK_AUTO_CLOSE_EVERY_MINUTES` (default 60); 0 turns auto-close off. */
  helpdeskAutoCloseEveryMinutes?: number;
  /** `CRM_REMINDERS_EVERY_MINUTES` (default 1); 0 turns CRM task reminders off. */
  crmRemindersEveryMinutes?: number;
}

/** A schedule whose payload is checked against its job's schema when the list is built. */
function defineSchedule<N extends JobName>(schedule: { id: string; name: N; data: JobPayload<N>; everyMinutes: number; opts?: Partial<ScheduledJobOptions> }): JobSchedule {
  return {
    id: schedule.id,
    queue: jobQueues[schedule.name],
    name: schedule.name,
    data: jobPayloads[schedule.name].parse(schedule.data) as Record<string, unknown>,
    everyMinutes: schedule.everyMinutes,
    opts: {
      attempts: defaultJobOptions.attempts,
      backoff: defaultJobOptions.backoff,
      removeOnComplete: defaultJobOptions.removeOnComplete,
      removeOnFail: defaultJobOptions.removeOnFail,
      ...schedule.opts,
    },
  };
}

/** Every schedule of the platform, enabled or not (a disabled one has `everyMinutes: 0`). */
export function platformSchedules(config: ScheduleConfig): JobSchedule[] {
  return [
    defineSchedule({
      id: "kipu-incremental-sync",
      name: "sync-schedule",
      data: { source: "kipu", sync_type: "incremental" },
      everyMinutes: config.kipuSyncEveryMinutes,
      // A run that fails (Kipu down, bad credentials) is tried twice more, 1 then 2 minutes later, then
      // waits for the next tick: the schedule never hammers Kipu.
      opts: { attempts: 3, backoff: { type: "exponential", delay: 60_000 } },
    }),
    defineSchedule({
      id: "helpdesk-escalation-sweep",
      name: "sla-sweep",
      data: {},
      everyMinutes: config.helpdeskSweepEveryMinutes ?? 1,
      // The next tick is a retry: a failed sweep is not retried on top of it.
      opts: { attempts: 1 },
    }),
    defineSchedule({
      id: "email-outbox-sweep",
      name: "email-sweep",
      data: {},
      everyMinutes: config.emailSweepEveryMinutes ?? 1,
      opts: { attempts: 1 },
    }),
    defineSchedule({
      id: "helpdesk-auto-close",
      name: "helpdesk-auto-close",
      data: {},
      everyMinutes: config.helpdeskAutoCloseEveryMinutes ?? automationEnv.HELPDESK_AUTO_CLOSE_EVERY_MINUTES,
      // Idempotent: a failed run is tried twice more a minute or two later, then waits for the next tick.
      opts: { attempts: 3, backoff: { type: "exponential", delay: 60_000 } },
    }),
    defineSchedule({
      id: "crm-task-reminders",
      name: "crm-task-reminders",
      data: {},
      everyMinutes: config.crmRemindersEveryMinutes ?? crmRemindersEnv.CRM_REMINDERS_EVERY_MINUTES,
      // Exactly-once per reminder whatever runs: the next tick is the retry.
      opts: { attempts: 1 },
    }),
  ];
}
