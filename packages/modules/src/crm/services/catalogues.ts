import type { ScopedDb } from "@orchestrator/db";
import { crmTeamMembers, leadStatuses } from "@orchestrator/db/schema";
import { asc, inArray } from "drizzle-orm";
import { loadStages, type Stage } from "../hooks/deal-hook";

export interface CrmCatalogues {
  stages: Stage[];
  leadStatuses: string[];
  sources: string[];
  teams: { name: string; members: { user: string; isManager: boolean }[] }[];
}

/** What the CRM's pages offer in selects: pipeline stages (in order), lead statuses and sources, the caller's readable teams with their members. */
export async function crmCatalogues(scoped: ScopedDb): Promise<CrmCatalogues> {
  const [stages, sources, teamRows] = await Promise.all([
    loadStages(scoped),
    scoped.list("CRM Lead Source", { fields: ["name"], orderBy: [{ field: "name", direction: "asc" }], limit: 0 }),
    scoped.list("CRM Team", { fields: ["name"], orderBy: [{ field: "name", direction: "asc" }], limit: 0 }),
  ]);
  // The members of the teams just read in scope, in one query (a team's own read would be one per team).
  const names = teamRows.map((row) => String(row.name));
  const members = names.length ? await scoped.bookkeepingExecutor().select({ team: crmTeamMembers.parent, user: crmTeamMembers.user, isManager: crmTeamMembers.isManager }).from(crmTeamMembers).where(inArray(crmTeamMembers.parent, names)).orderBy(asc(crmTeamMembers.parent), asc(crmTeamMembers.idx)) : [];
  const teams = names.map((name) => ({ name, members: members.filter((m) => m.team === name).map((m) => ({ user: m.user, isManager: Boolean(m.isManager) })) }));
  return { stages, leadStatuses: [...leadStatuses], sources: sources.map((s) => String(s.name)), teams };
}
