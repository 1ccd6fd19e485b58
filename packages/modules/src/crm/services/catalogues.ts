import type { ScopedDb } from "@orchestrator/db";
import { leadStatuses } from "@orchestrator/db/schema";
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
  const teams = await Promise.all(
    teamRows.map(async (row) => {
      const team = await scoped.get("CRM Team", String(row.name));
      const users = Array.isArray(team.users) ? (team.users as Record<string, unknown>[]) : [];
      return { name: String(row.name), members: users.map((u) => ({ user: String(u.user), isManager: u.is_manager === 1 })) };
    }),
  );
  return { stages, leadStatuses: [...leadStatuses], sources: sources.map((s) => String(s.name)), teams };
}
