import { and, count, eq, gte, inArray, isNotNull, lt, sql, sum, type SQL } from "drizzle-orm";
import type { ScopedDb } from "@orchestrator/db";
import { crmDeals as d, crmLeads as l } from "@orchestrator/db/schema";
import { seesAllCrm } from "../hands";
import { loadStages } from "../hooks/deal-hook";
import { DEFAULT_CURRENCY, foldClosed, foldLeads, foldOpen, pickCurrency, type ClosedRow, type LeadRow, type OpenRow } from "./aggregate";
import { rangeBounds } from "./range";
import type { CrmDashboard, CrmDashboardInput } from "./schemas";

// Constant SQL (no bound parameters), so the grouped expression and the selected one are the same text.
const currencyOf = sql<string>`coalesce(nullif(${d.currency}, ''), ${sql.raw(`'${DEFAULT_CURRENCY}'`)})`;
const closeMonth = sql<string | null>`date_format(${d.expectedCloseDate}, '%Y-%m')`;
const closeDay = sql<string>`date_format(${d.stageChangedOn}, '%Y-%m-%d')`;

/**
 * The CRM dashboard, every figure through the caller's scope (`selectScoped`: a salesperson's own and
 * their teams' rows, a manager's teams', everything for a CRM-wide grant), optionally one team's,
 * in three grouped queries: leads created in [from, to] by source (with how many were converted);
 * open deals now by stage, currency and expected close month (pipeline and forecast); deals now in a
 * Won or Lost stage entered in the range, by day and stage (series and days to close).
 */
export async function loadCrmDashboard(scoped: ScopedDb, input: CrmDashboardInput, now = new Date()): Promise<CrmDashboard> {
  const stages = await loadStages(scoped);
  const openStages = stages.filter((s) => s.type === "Open");
  const closedStages = stages.filter((s) => s.type !== "Open").map((s) => s.name);
  const { start, until } = rangeBounds(input.from, input.to);
  const leadTeam = input.team ? eq(l.team, input.team) : undefined;
  const dealTeam = input.team ? eq(d.team, input.team) : undefined;

  const [leadRows, openRows, closedRows, teams] = await Promise.all([
    scoped.selectScoped<LeadRow>(
      "CRM Lead",
      { source: l.source, created: count().as("created"), converted: sql<number>`sum(case when ${l.convertedDeal} is not null then 1 else 0 end)`.as("converted") },
      and(gte(l.creation, start), lt(l.creation, until), leadTeam) as SQL,
      { groupBy: [l.source] },
    ),
    openStages.length
      ? scoped.selectScoped<OpenRow>(
          "CRM Deal",
          { stage: d.status, currency: currencyOf.as("currency"), month: closeMonth.as("month"), deals: count().as("deals"), amount: sum(d.amount).as("amount"), weighted: sql<string>`sum(${d.amount} * ${d.probability}) / 100`.as("weighted") },
          and(inArray(d.status, openStages.map((s) => s.name)), dealTeam) as SQL,
          { groupBy: [d.status, currencyOf, closeMonth] },
        )
      : Promise.resolve([]),
    closedStages.length
      ? scoped.selectScoped<ClosedRow>(
          "CRM Deal",
          { day: closeDay.as("day"), stage: d.status, deals: count().as("deals"), seconds: sql<string>`sum(timestampdiff(second, ${d.creation}, ${d.stageChangedOn}))`.as("seconds") },
          and(inArray(d.status, closedStages), isNotNull(d.stageChangedOn), gte(d.stageChangedOn, start), lt(d.stageChangedOn, until), dealTeam) as SQL,
          { groupBy: [closeDay, d.status] },
        )
      : Promise.resolve([]),
    teamsOf(scoped),
  ]);

  const { currency, currencies } = pickCurrency(openRows, input.currency);
  return {
    from: input.from,
    to: input.to,
    team: input.team ?? null,
    teams,
    currency,
    currencies,
    leads: foldLeads(leadRows),
    ...foldOpen(openRows, openStages, currency),
    closed: foldClosed(closedRows, new Map(stages.map((s) => [s.name, s.type])), input.from, input.to),
    generatedAt: now.toISOString(),
  };
}

/** The teams the caller may narrow to: every team for a CRM-wide grant, else their own. */
async function teamsOf(scoped: ScopedDb): Promise<string[]> {
  if (!seesAllCrm(scoped.principal)) return [...(scoped.principal.teams ?? [])].sort();
  const rows = await scoped.list("CRM Team", { fields: ["name"], orderBy: [{ field: "name", direction: "asc" }], limit: 0 });
  return rows.map((r) => String(r.name));
}
