import { and, count, inArray, type SQL } from "drizzle-orm";
import { crmLeads } from "@orchestrator/db/schema";
import type { ScopedDb } from "@orchestrator/db";
import { assignItem, assignmentRuleSchema, NO_REQUIREMENTS, type AssignableAgent } from "../helpdesk/assignment";
import { crmBookkeeping } from "./hands";

/** Lead statuses that count as a salesperson's open work (load balancing weighs these). */
export const OPEN_LEAD_STATUSES = ["New", "Contacted", "Nurture"] as const;

export type LeadAssignment = { owner: string; message: string } | { owner: null; message: string };

/**
 * Runs a CRM Team's assignment rule for a new lead with the helpdesk's mechanism (`assignItem`):
 * the team's members other than its managers are the agents (all Active; a manager distributes work,
 * and is not given it), their open leads the load. The team row is locked for the lead's transaction,
 * so two leads created at once never both read the same cursor; the cursor is saved on the team,
 * audited as the CRM's bookkeeping.
 */
export async function assignNewLead(caller: ScopedDb, team: string): Promise<LeadAssignment> {
  const hand = crmBookkeeping(caller);
  const doc = await hand.get("CRM Team", team, { forUpdate: true });
  const parsed = doc.assignment_rule ? assignmentRuleSchema.safeParse({ ...(doc.assignment_rule as object), team }) : null;
  if (!parsed?.success) return { owner: null, message: `Team ${team} has no assignment rule` };
  const members = ((doc.users ?? []) as Record<string, unknown>[]).filter((r) => r.is_manager !== 1).map((r) => String(r.user));
  const counts = new Map<string, number>();
  if (members.length) {
    const where = and(inArray(crmLeads.leadOwner, members), inArray(crmLeads.status, [...OPEN_LEAD_STATUSES])) as SQL;
    const rows = await hand.selectScoped<{ owner: string; n: number }>("CRM Lead", { owner: crmLeads.leadOwner, n: count().as("n") }, where, { groupBy: [crmLeads.leadOwner] });
    for (const r of rows) counts.set(String(r.owner), Number(r.n));
  }
  const agents: AssignableAgent[] = members.map((user) => ({ id: user, teams: [team], availability: "Active", skills: [], openCount: counts.get(user) ?? 0 }));
  const cursor = typeof doc.assignment_cursor === "string" ? doc.assignment_cursor : null;
  const result = assignItem({ rule: parsed.data, agents, state: { cursor }, requirements: NO_REQUIREMENTS });
  if (result.status === "unassigned") return { owner: null, message: result.message };
  if (result.state.cursor !== cursor) await hand.update("CRM Team", team, {}, { serverValues: { assignment_cursor: result.state.cursor } });
  return { owner: result.agentId, message: `Assigned to ${result.agentId} by the ${result.strategy} rule of team ${team}` };
}
