import type { callStatuses, smsStatuses } from "@orchestrator/db/schema";

export type SmsStatus = (typeof smsStatuses)[number];
export type CallStatus = (typeof callStatuses)[number];

/** Twilio's message statuses (and the log-only provider's "logged") as the CRM SMS Log's. */
const SMS: Record<string, SmsStatus> = {
  accepted: "Queued",
  scheduled: "Queued",
  queued: "Queued",
  sending: "Queued",
  sent: "Sent",
  delivered: "Delivered",
  read: "Delivered",
  undelivered: "Failed",
  failed: "Failed",
  canceled: "Failed",
  receiving: "Received",
  received: "Received",
  logged: "Logged",
};

/** Twilio's call statuses (and "logged") as the CRM Call Log's. */
const CALL: Record<string, CallStatus> = {
  queued: "Initiated",
  initiated: "Initiated",
  ringing: "Ringing",
  "in-progress": "In Progress",
  answered: "In Progress",
  completed: "Completed",
  busy: "Busy",
  "no-answer": "No Answer",
  canceled: "Canceled",
  failed: "Failed",
  logged: "Logged",
};

/** Our status for a provider's, or null for one we do not know (then nothing changes). */
export function statusOf(kind: "sms" | "call", providerStatus: string): SmsStatus | CallStatus | null {
  return (kind === "sms" ? SMS : CALL)[providerStatus.toLowerCase()] ?? null;
}

/** How far along each status is; a final one (no later status) is never left. */
const SMS_RANK: Record<SmsStatus, number> = { Queued: 0, Sent: 1, Delivered: 2, Failed: 2, Received: 2, Logged: 2 };
const CALL_RANK: Record<CallStatus, number> = { Initiated: 0, Ringing: 1, "In Progress": 2, Completed: 3, Failed: 3, Busy: 3, "No Answer": 3, Canceled: 3, Logged: 3 };
const FINAL = { sms: 2, call: 3 } as const;

/**
 * The status a log moves to when the provider reports `next`: `next` if it is further along, else
 * the current one. Callbacks arrive out of order and are redelivered; a final status (delivered,
 * failed, completed…) is never left, and nothing moves backwards.
 */
export function advanceStatus(kind: "sms" | "call", current: string, next: string): string {
  const rank = (kind === "sms" ? SMS_RANK : CALL_RANK) as Record<string, number>;
  const now = rank[current] ?? 0;
  if (now >= FINAL[kind]) return current;
  return (rank[next] ?? -1) > now ? next : current;
}
