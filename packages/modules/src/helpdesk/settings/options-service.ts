import type { Principal, ScopedDb } from "@orchestrator/db";
import { canEditHelpdeskSettings } from "./access";
import { AGENT } from "./agent-service";
import { listPriorities, listStatuses, listTicketTypes, PRIORITY, STATUS, TICKET_TYPE } from "./catalogue-service";
import { ESCALATION_RULE } from "./escalation-service";
import { SLA } from "./sla-service";
import { TEAM } from "./team-service";
import { str } from "./values";

/** Choices the editors offer: users, agents, teams and the catalogues. */
export async function settingsOptions(scoped: ScopedDb) {
  const agentRows = await scoped.list(AGENT, { fields: ["name", "agent_name", "user"], orderBy: [{ field: "agent_name", direction: "asc" }], limit: 0 });
  const agents = agentRows.map((r) => ({ name: str(r.name), label: str(r.agent_name) || str(r.user) }));
  // Everyone who could become an agent or be notified; without `admin` read (users are admin data), the agents.
  const users = scoped.canReadDoctype("User")
    ? (await scoped.list("User", { fields: ["name", "full_name"], filters: [{ field: "enabled", operator: "=", value: 1 }], orderBy: [{ field: "full_name", direction: "asc" }], limit: 0 })).map((r) => ({ name: str(r.name), label: str(r.full_name) || str(r.name) }))
    : agents;
  const [teams, ticketTypes, priorities, statuses] = await Promise.all([
    scoped.list(TEAM, { fields: ["name", "team_name"], orderBy: [{ field: "team_name", direction: "asc" }], limit: 0 }),
    listTicketTypes(scoped),
    listPriorities(scoped),
    listStatuses(scoped),
  ]);
  return {
    users,
    agents,
    teams: teams.map((t) => ({ name: str(t.name), label: str(t.team_name) || str(t.name) })),
    ticketTypes: ticketTypes.map((t) => ({ name: t.name, label: t.name })),
    priorities: priorities.map(({ name, rank }) => ({ name, rank })),
    statuses: statuses.map(({ name, category }) => ({ name, category })),
  };
}

/** The settings index: how many of each there are, the default SLA, and whether the caller may change them. */
export async function settingsOverview(scoped: ScopedDb, principal: Principal) {
  const count = (doctype: string) => scoped.count(doctype);
  const [sla, escalation, teams, agents, ticketTypes, priorities, statuses, defaults] = await Promise.all([
    count(SLA),
    count(ESCALATION_RULE),
    count(TEAM),
    count(AGENT),
    count(TICKET_TYPE),
    count(PRIORITY),
    count(STATUS),
    scoped.list(SLA, { fields: ["name"], filters: [{ field: "is_default", operator: "=", value: 1 }], limit: 1 }),
  ]);
  return { canEdit: canEditHelpdeskSettings(principal), defaultSla: defaults[0] ? str(defaults[0].name) : null, counts: { sla, escalation, teams, agents, ticketTypes, priorities, statuses } };
}
