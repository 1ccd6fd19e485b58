import type { ScopedDb } from "@orchestrator/db";
import type { Catalogues } from "./schemas";

/**
 * What the agent UI's filters and controls choose from: statuses (with their SLA category, in
 * display order), priorities (most urgent first), teams with their members, agents and ticket types.
 * All global catalogues, read through the caller's scope (helpdesk read is required).
 */
export async function loadCatalogues(scoped: ScopedDb): Promise<Catalogues> {
  const all = { limit: 0 } as const;
  const [statuses, priorities, teams, agents, types] = await Promise.all([
    scoped.list("HD Ticket Status", { ...all, fields: ["name", "category", "sort_order"], orderBy: [{ field: "sort_order", direction: "asc" }] }),
    scoped.list("HD Ticket Priority", { ...all, fields: ["name", "rank"], orderBy: [{ field: "rank", direction: "desc" }] }),
    scoped.list("HD Team", { ...all, fields: ["name"], orderBy: [{ field: "name", direction: "asc" }] }),
    scoped.list("HD Agent", { ...all, fields: ["user", "agent_name", "is_active"], orderBy: [{ field: "agent_name", direction: "asc" }] }),
    scoped.list("HD Ticket Type", { ...all, fields: ["name"], orderBy: [{ field: "name", direction: "asc" }] }),
  ]);
  // Members come with each team document (a child table); teams are few.
  const teamDocs = await Promise.all(teams.map((t) => scoped.get("HD Team", String(t.name))));
  return {
    statuses: statuses.map((s) => ({ name: String(s.name), category: s.category as Catalogues["statuses"][number]["category"], sortOrder: Number(s.sort_order ?? 0) })),
    priorities: priorities.map((p) => ({ name: String(p.name), rank: Number(p.rank ?? 0) })),
    teams: teamDocs.map((t) => ({ name: t.name, members: ((t.users ?? []) as Record<string, unknown>[]).map((m) => String(m.user)) })),
    agents: agents.map((a) => ({ user: String(a.user), name: typeof a.agent_name === "string" && a.agent_name ? a.agent_name : String(a.user), active: Number(a.is_active) === 1 })),
    ticketTypes: types.map((t) => String(t.name)),
  };
}
