import type { RouterInputs } from "@orchestrator/modules";
import { dealHref, leadHref } from "../format";

/**
 * "My day" beyond `crm.myDay` (overdue and today's open follow-ups): the caller's open tasks due after
 * today and those with no due date, through `crm.tasks.list` with the same "open" rule as the server
 * (packages/modules/src/crm/reminders/remind.ts: every status but Done and Canceled).
 */
export type TaskListInput = RouterInputs["crm"]["tasks"]["list"];
export type Task = Record<string, unknown>;

export const CLOSED_TASK_STATUSES = ["Done", "Canceled"];
const PAGE = 50;

/** An instant as the database writes it (UTC `YYYY-MM-DD HH:MM:SS.fff`), for comparing with stored timestamps. */
export const dbStamp = (at: Date) => at.toISOString().replace("T", " ").replace("Z", "");

/** Midnight at the end of `now`'s day in the browser's time zone (the day `crm.myDay` calls today). */
export const endOfLocalDay = (now: Date) => new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);

const mine = (me: string) => [
  { field: "assigned_to", value: me },
  { field: "status", operator: "not in" as const, value: CLOSED_TASK_STATUSES },
];

/** Open tasks of `me` due from the end of today on, soonest first. */
export const upcomingInput = (me: string, endOfToday: Date): TaskListInput => ({ filters: [...mine(me), { field: "due_date", operator: ">=", value: dbStamp(endOfToday) }], sort: { field: "due_date", direction: "asc" }, pageSize: PAGE });

/** Open tasks of `me` with no due date, latest change first. */
export const undatedInput = (me: string): TaskListInput => ({ filters: [...mine(me), { field: "due_date", value: null }], sort: { field: "modified", direction: "desc" }, pageSize: PAGE });

/** Where a task's lead or deal opens; organisations have no page yet. */
export function referenceHref(doctype: unknown, name: unknown): string | undefined {
  if (typeof name !== "string" || !name) return undefined;
  if (doctype === "CRM Lead") return leadHref(name);
  if (doctype === "CRM Deal") return dealHref(name);
  return undefined;
}

/** A list's data without one task (the optimistic "Mark done"); any other shape is left as it is. */
export function withoutTask<T>(data: T, name: string): T {
  if (!data || typeof data !== "object") return data;
  const drop = (rows: unknown) => (Array.isArray(rows) ? rows.filter((r: Task) => r.name !== name) : rows);
  const record = data as Record<string, unknown>;
  if ("rows" in record && Array.isArray(record.rows)) {
    const rows = drop(record.rows) as Task[];
    return { ...record, rows, total: typeof record.total === "number" ? record.total - (record.rows.length - rows.length) : record.total } as T;
  }
  if ("overdue" in record || "today" in record) return { ...record, overdue: drop(record.overdue), today: drop(record.today) } as T;
  return data;
}
