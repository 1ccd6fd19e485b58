import { and, count, eq, gte, inArray, isNotNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { ScopedDb } from "@orchestrator/db";
import { hdTickets as t } from "@orchestrator/db/schema";
import { businessMinutesBetween } from "../sla";
import { loadPolicy, type SlaPolicy } from "../tickets/sla-policy";
import { statusCategories, toMs, toTimestamp } from "../tickets/sla-fields";
import type { DashboardOutput } from "./schemas";

/** Tickets whose business times are averaged, at most: a dashboard answers in one page view. */
const SAMPLE_LIMIT = 20_000;

const dayStart = (isoDate: string) => `${isoDate} 00:00:00.000000`;
const nextDay = (isoDate: string) => toTimestamp(Date.parse(`${isoDate}T00:00:00Z`) + 86_400_000);
const num = (v: unknown) => Number(v ?? 0);

/**
 * The helpdesk dashboard, every figure through the caller's scope (an agent sees their departments'):
 * - now: open tickets (statuses of the Open and Paused categories) by status, at risk and breached
 *   (a failed agreement, or a running clock past its due time), in one grouped query;
 * - over tickets opened in [from, to] (UTC days): opened and resolved counts; average first response
 *   and resolution in business minutes on each ticket's own SLA calendar (resolution less time on
 *   hold), computed from the stored instants, one calendar compiled per SLA; CSAT ratings given in
 *   the range (average and 1–5 distribution), grouped in SQL.
 */
export async function loadDashboard(scoped: ScopedDb, input: { from: string; to: string; team?: string | undefined }, now = new Date()): Promise<DashboardOutput> {
  const categories = await statusCategories(scoped);
  const openStatuses = [...categories].filter(([, c]) => c === "Open" || c === "Paused").map(([s]) => s);
  const team = input.team ? eq(t.agentGroup, input.team) : undefined;
  const nowTs = toTimestamp(now);
  const breachedSql = sql<number>`sum(case when ${t.agreementStatus} = 'Failed' or (${t.agreementStatus} = 'First Response Due' and ${t.responseBy} < ${nowTs}) or (${t.agreementStatus} = 'Resolution Due' and ${t.resolutionBy} < ${nowTs}) then 1 else 0 end)`;
  const atRiskSql = sql<number>`sum(case when ${t.atRisk} = 1 and ((${t.agreementStatus} = 'First Response Due' and ${t.responseBy} >= ${nowTs}) or (${t.agreementStatus} = 'Resolution Due' and ${t.resolutionBy} >= ${nowTs})) then 1 else 0 end)`;
  const from = dayStart(input.from);
  const until = nextDay(input.to);
  const opened = and(gte(t.openingDate, from), lt(t.openingDate, until), team) as SQL;

  const [openRows, rangeRows, ratingRows, timingRows] = await Promise.all([
    openStatuses.length
      ? scoped.selectScoped<{ status: string; n: number; breached: number; atRisk: number }>("HD Ticket", { status: t.status, n: count().as("n"), breached: breachedSql.as("breached"), atRisk: atRiskSql.as("at_risk") }, and(inArray(t.status, openStatuses), team) as SQL, { groupBy: [t.status] })
      : Promise.resolve([]),
    scoped.selectScoped<{ n: number; resolved: number }>("HD Ticket", { n: count().as("n"), resolved: sql<number>`sum(case when ${t.resolutionDate} is not null then 1 else 0 end)`.as("resolved") }, opened),
    scoped.selectScoped<{ rating: number; n: number }>("HD Ticket", { rating: t.feedbackRating, n: count().as("n") }, and(isNotNull(t.feedbackRating), gte(t.feedbackOn, from), lt(t.feedbackOn, until), team) as SQL, { groupBy: [t.feedbackRating] }),
    scoped.selectScoped<{ sla: string; start: string | null; opening: string | null; responded: string | null; resolved: string | null; hold: number }>(
      "HD Ticket",
      { sla: t.sla, start: t.slaStart, opening: t.openingDate, responded: t.firstRespondedOn, resolved: t.resolutionDate, hold: t.totalHoldTime },
      and(opened, isNotNull(t.sla), or(isNotNull(t.firstRespondedOn), isNotNull(t.resolutionDate))) as SQL,
      { limit: SAMPLE_LIMIT },
    ),
  ]);

  const timing = await businessTimings(scoped, timingRows);
  const byStatus = new Map(openRows.map((r) => [String(r.status), r]));
  const openByStatus = openStatuses.map((status) => ({ status, category: categories.get(status)!, count: num(byStatus.get(status)?.n) }));
  const distribution = [1, 2, 3, 4, 5].map((rating) => ({ rating, count: num(ratingRows.find((r) => num(r.rating) === rating)?.n) }));
  const responses = distribution.reduce((s, d) => s + d.count, 0);
  return {
    openByStatus,
    open: openByStatus.reduce((s, r) => s + r.count, 0),
    atRisk: openRows.reduce((s, r) => s + num(r.atRisk), 0),
    breached: openRows.reduce((s, r) => s + num(r.breached), 0),
    range: {
      from: input.from,
      to: input.to,
      opened: num(rangeRows[0]?.n),
      resolved: num(rangeRows[0]?.resolved),
      ...timing,
      csat: { average: responses ? distribution.reduce((s, d) => s + d.rating * d.count, 0) / responses : null, responses, distribution },
    },
    generatedAt: now.toISOString(),
  };
}

type TimingRow = { sla: string; start: string | null; opening: string | null; responded: string | null; resolved: string | null; hold: number };

async function businessTimings(scoped: ScopedDb, rows: readonly TimingRow[]) {
  const policies = new Map<string, SlaPolicy | null>();
  for (const sla of new Set(rows.map((r) => String(r.sla)))) {
    // A policy deleted since (or unreadable) leaves its tickets out of the averages.
    policies.set(sla, await loadPolicy(scoped, sla).catch(() => null));
  }
  const response: number[] = [];
  const resolution: number[] = [];
  for (const row of rows) {
    const policy = policies.get(String(row.sla));
    const start = toMs(row.start) ?? toMs(row.opening);
    if (!policy || start === null) continue;
    const responded = toMs(row.responded);
    if (responded !== null) response.push(businessMinutesBetween(policy.calendar, start, responded));
    const resolved = toMs(row.resolved);
    if (resolved !== null) resolution.push(Math.max(0, businessMinutesBetween(policy.calendar, start, resolved) - num(row.hold) / 60));
  }
  const avg = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  return { avgFirstResponseMinutes: avg(response), firstResponseSample: response.length, avgResolutionMinutes: avg(resolution), resolutionSample: resolution.length };
}
