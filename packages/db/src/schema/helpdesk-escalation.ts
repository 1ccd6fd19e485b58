import { boolean, datetime, index, int, json, mysqlEnum, mysqlTable, primaryKey, text, varchar } from "drizzle-orm/mysql-core";
import { link, nameKey, timestamps } from "./columns";

/**
 * Helpdesk escalation (issue 5 item 3): multi-level escalation rules, the in-app notifications they
 * send, the instants at which each level falls due per ticket (written with the ticket's SLA fields)
 * and the levels that fired, one row per ticket × rule × level × SLA cycle (the exactly-once key).
 */

const at = (name: string) => datetime(name, { mode: "string", fsp: 6 });

export const escalationClocks = ["response", "resolution"] as const;
export const notificationKinds = ["escalation", "mention", "assignment", "reply"] as const;
export const notificationEmailStatuses = ["none", "pending"] as const;

/** `HD Escalation Rule`: which tickets it applies to (conditions on team, type, priority; none = all) and its levels. */
export const hdEscalationRules = mysqlTable("hd_escalation_rules", {
  name: nameKey(),
  description: text("description"),
  enabled: boolean("enabled").notNull().default(true),
  /** `[{ field, values }]` on agent_group, ticket_type, priority: all must match. */
  conditions: json("conditions"),
  ...timestamps(),
});

/**
 * Child table of the rule: its levels in order. A level falls due when `trigger_percent` % of the
 * clock's target is used, or (null) when the clock is breached; its actions run once per cycle.
 */
export const hdEscalationLevels = mysqlTable("hd_escalation_levels", {
  name: nameKey(),
  parent: link("parent").notNull(),
  idx: int("idx").notNull().default(0),
  triggerClock: mysqlEnum("trigger_clock", escalationClocks).notNull(),
  /** 1–100; null = when breached. */
  triggerPercent: int("trigger_percent"),
  notifyAssignee: boolean("notify_assignee").notNull().default(false),
  notifyTeamLead: boolean("notify_team_lead").notNull().default(false),
  notifyUser: link("notify_user"),
  /** Also by email (recorded on the notification as pending; delivery comes with the outbox). */
  notifyEmail: boolean("notify_email").notNull().default(false),
  reassignTeam: link("reassign_team"),
  reassignAgent: link("reassign_agent"),
  /** `next` (one step up by rank) or a priority's name; null = leave it. */
  raisePriority: varchar("raise_priority", { length: 140 }),
  ...timestamps(),
});

/** `HD Notification`: an in-app notification for a user about a ticket. Carries the ticket's department. */
export const hdNotifications = mysqlTable(
  "hd_notifications",
  {
    name: nameKey(),
    forUser: link("for_user").notNull(),
    ticket: link("ticket").notNull(),
    department: link("department").notNull(),
    kind: mysqlEnum("kind", notificationKinds).notNull(),
    subject: varchar("subject", { length: 500 }).notNull(),
    read: boolean("read").notNull().default(false),
    emailStatus: mysqlEnum("email_status", notificationEmailStatuses).notNull().default("none"),
    ...timestamps(),
  },
  (t) => [index("hd_notifications_user_read_idx").on(t.forUser, t.read, t.creation), index("hd_notifications_ticket_idx").on(t.ticket)],
);

/**
 * When each escalation level of each applicable rule falls due for a ticket in its current SLA cycle:
 * replaced with the ticket's SLA fields on every write (derived data, like `response_by`). Only levels
 * whose clock still runs or may run again have a row; a paused resolution clock's levels have none.
 */
export const hdTicketEscalationMarks = mysqlTable(
  "hd_ticket_escalation_marks",
  {
    ticket: link("ticket").notNull(),
    rule: link("rule").notNull(),
    level: int("level").notNull(),
    cycle: varchar("cycle", { length: 64 }).notNull(),
    dueAt: at("due_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.ticket, t.rule, t.level] }), index("hd_ticket_escalation_marks_due_idx").on(t.dueAt)],
);

/** A level that fired: the key makes firing exactly-once per ticket × rule × level × SLA cycle. */
export const hdEscalationFired = mysqlTable(
  "hd_escalation_fired",
  {
    ticket: link("ticket").notNull(),
    rule: link("rule").notNull(),
    level: int("level").notNull(),
    cycle: varchar("cycle", { length: 64 }).notNull(),
    firedAt: at("fired_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.ticket, t.rule, t.level, t.cycle] })],
);
