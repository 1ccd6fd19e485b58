import { describe, expect, it } from "vitest";
import { platformSchedules } from "./schedules";

describe("platformSchedules", () => {
  it("runs an incremental Kipu sync on the sync queue every SYNC_KIPU_EVERY_MINUTES, with retries and back-off", () => {
    const [kipu] = platformSchedules({ kipuSyncEveryMinutes: 15 });
    expect(kipu).toMatchObject({
      id: "kipu-incremental-sync",
      queue: "sync",
      name: "sync-schedule",
      data: { source: "kipu", sync_type: "incremental" },
      everyMinutes: 15,
      opts: { attempts: 3, backoff: { type: "exponential", delay: 60_000 } },
    });
    expect(kipu!.opts.removeOnFail).toBeTruthy(); // bounded history, like every other job
  });

  it("keeps a disabled schedule in the list with 0 minutes, so the worker knows to remove its scheduler", () => {
    expect(platformSchedules({ kipuSyncEveryMinutes: 0, helpdeskSweepEveryMinutes: 0, emailSweepEveryMinutes: 0, helpdeskAutoCloseEveryMinutes: 0, crmRemindersEveryMinutes: 0 }).map((s) => [s.id, s.everyMinutes])).toEqual([["kipu-incremental-sync", 0], ["helpdesk-escalation-sweep", 0], ["email-outbox-sweep", 0], ["helpdesk-auto-close", 0], ["crm-task-reminders", 0]]);
  });

  it("sweeps helpdesk escalations on the sla queue every minute by default, without retries (the next tick is one)", () => {
    const sweep = platformSchedules({ kipuSyncEveryMinutes: 15 }).find((s) => s.id === "helpdesk-escalation-sweep");
    expect(sweep).toMatchObject({ queue: "sla", name: "sla-sweep", data: {}, everyMinutes: 1, opts: { attempts: 1 } });
    expect(platformSchedules({ kipuSyncEveryMinutes: 15, helpdeskSweepEveryMinutes: 5 }).find((s) => s.id === "helpdesk-escalation-sweep")!.everyMinutes).toBe(5);
  });

  it("sweeps the e-mail outbox every minute and auto-closes resolved tickets hourly by default", () => {
    const schedules = platformSchedules({ kipuSyncEveryMinutes: 15 });
    expect(schedules.find((s) => s.id === "email-outbox-sweep")).toMatchObject({ queue: "email", name: "email-sweep", data: {}, everyMinutes: 1, opts: { attempts: 1 } });
    expect(schedules.find((s) => s.id === "helpdesk-auto-close")).toMatchObject({ queue: "maintenance", name: "helpdesk-auto-close", data: {}, everyMinutes: 60 });
  });

  it("delivers CRM task reminders on the notifications queue every minute by default, without retries", () => {
    const reminders = platformSchedules({ kipuSyncEveryMinutes: 15 }).find((s) => s.id === "crm-task-reminders");
    expect(reminders).toMatchObject({ queue: "notifications", name: "crm-task-reminders", data: {}, everyMinutes: 1, opts: { attempts: 1 } });
    expect(platformSchedules({ kipuSyncEveryMinutes: 15, crmRemindersEveryMinutes: 5 }).find((s) => s.id === "crm-task-reminders")!.everyMinutes).toBe(5);
  });

  it("ids are unique", () => {
    const ids = platformSchedules({ kipuSyncEveryMinutes: 5 }).map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
