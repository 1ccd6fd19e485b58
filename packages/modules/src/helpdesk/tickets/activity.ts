import type { ScopedDb } from "@orchestrator/db";

export type ActivityKind = "created" | "status" | "priority" | "team" | "assignment" | "sla" | "escalation" | "comment" | "merge" | "email" | "feedback";
export interface Activity {
  kind: ActivityKind;
  action: string;
  data?: Record<string, unknown>;
}

/** Writes a ticket's activity rows through the scoped layer (each audited, in the caller's transaction). */
export async function logActivities(scoped: ScopedDb, ticket: string, department: string, activities: readonly Activity[]): Promise<void> {
  for (const a of activities) {
    await scoped.insert("HD Ticket Activity", { ticket, department, kind: a.kind, action: a.action.slice(0, 500), data: a.data ?? null });
  }
}
