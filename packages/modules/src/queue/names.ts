/**
 * Every queue of the platform (DESIGN §5). `tasks`, `sync` and `sla` have jobs so far; the others are declared so
 * producers, the worker and the admin views agree on one list from the start.
 */
export const queueNames = ["tasks", "sync", "sla", "reports", "email", "notifications", "maintenance"] as const;
export type QueueName = (typeof queueNames)[number];

/** Job names, and the queue each one runs on. */
export const jobQueues = {
  "generate-tasks": "tasks",
  "sync-run": "sync",
  "sync-schedule": "sync",
  "sla-sweep": "sla",
  "email-send": "email",
  "email-sweep": "email",
  "helpdesk-auto-close": "maintenance",
  "crm-task-reminders": "notifications",
} as const satisfies Record<string, QueueName>;
export type JobName = keyof typeof jobQueues;
