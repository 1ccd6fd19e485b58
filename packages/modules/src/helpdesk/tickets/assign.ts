import { inArray, count, type SQL } from "drizzle-orm";
import { and } from "drizzle-orm";
import { hdTickets } from "@orchestrator/db/schema";
import type { ScopedDb } from "@orchestrator/db";
import { assignItem, assignmentRuleSchema, reassignOnTeamChange, ticketRequirements, type AssignableAgent, type AssignmentRule, type Availability, type TeamChangeDecision } from "../assignment";
import type { StatusCategory } from "./sla-fields";

export interface TeamAgents {
  team: string;
  rule: AssignmentRule | null;
  cursor: string | null;
  agents: AssignableAgent[];
}

/**
 * A team's rule, cursor and agents (active `HD Agent`s among its members) with their open-ticket
 * counts. Counts are taken through the caller's scope: an agent limited to their department balances
 * on that department's tickets.
 */
export async function loadTeamAgents(scoped: ScopedDb, team: string, categories: ReadonlyMap<string, StatusCategory>): Promise<TeamAgents> {
  const doc = await scoped.get("HD Team", team);
  const members = ((doc.users ?? []) as Record<string, unknown>[]).map((r) => String(r.user));
  const parsed = doc.assignment_rule ? assignmentRuleSchema.safeParse({ ...(doc.assignment_rule as object), team }) : null;
  const base = { team, rule: parsed?.success ? parsed.data : null, cursor: typeof doc.assignment_cursor === "string" ? doc.assignment_cursor : null };
  if (!members.length) return { ...base, agents: [] };
  const agentRows = await scoped.list("HD Agent", { fields: ["user", "availability", "skills", "max_open", "is_active"], filters: [{ field: "user", operator: "in", value: members }], limit: 0 });
  const open = [...categories].filter(([, c]) => c === "Open" || c === "Paused").map(([name]) => name);
  const counts = new Map<string, number>();
  if (open.length) {
    const where = and(inArray(hdTickets.assignee, members), inArray(hdTickets.status, open)) as SQL;
    const rows = await scoped.selectScoped<{ assignee: string; n: number }>("HD Ticket", { assignee: hdTickets.assignee, n: count().as("n") }, where, { groupBy: [hdTickets.assignee] });
    for (const r of rows) counts.set(String(r.assignee), Number(r.n));
  }
  const agents = agentRows.filter((r) => r.is_active === 1).map((r) => ({
    id: String(r.user),
    teams: [team],
    availability: r.availability as Availability,
    skills: Array.isArray(r.skills) ? (r.skills as string[]) : [],
    openCount: counts.get(String(r.user)) ?? 0,
    maxOpen: typeof r.max_open === "number" ? r.max_open : null,
  }));
  return { ...base, agents };
}

export type AutoAssignment = { assignee: string; message: string } | { assignee: null; message: string };

/** Runs the team's rule for a ticket and saves the rule's cursor on the team (audited). */
export async function autoAssign(scoped: ScopedDb, team: TeamAgents, ticket: Readonly<Record<string, unknown>>): Promise<AutoAssignment> {
  if (!team.rule) return { assignee: null, message: `Team ${team.team} has no assignment rule` };
  const requirements = ticketRequirements(
    { ticketType: (ticket.ticket_type as string | null) ?? null, tags: Array.isArray(ticket.tags) ? (ticket.tags as string[]) : null, language: (ticket.language as string | null) ?? null },
    team.rule.strategy === "skill_based" ? team.rule.match : undefined,
  );
  const result = assignItem({ rule: team.rule, agents: team.agents, state: { cursor: team.cursor }, requirements });
  if (result.status === "unassigned") return { assignee: null, message: result.message };
  if (result.state.cursor !== team.cursor) await scoped.update("HD Team", team.team, {}, { serverValues: { assignment_cursor: result.state.cursor } });
  return { assignee: result.agentId, message: `Assigned to ${result.agentId} by ${result.strategy}${result.usedFallback ? " (fallback)" : ""} rule of team ${team.team}` };
}

export function teamChange(team: TeamAgents, currentAssignee: string | null): TeamChangeDecision {
  return reassignOnTeamChange(currentAssignee, team.team, team.agents);
}
