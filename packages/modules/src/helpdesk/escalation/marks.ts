import type { ScopedDb } from "@orchestrator/db";
import { hdTicketEscalationMarks, type TicketSlaLog } from "@orchestrator/db/schema";
import { eq } from "drizzle-orm";
import type { TicketSlaState } from "../sla";
import { toTimestamp } from "../tickets/sla-fields";

export type EscalationClock = "response" | "resolution";

/** One level of an enabled rule that applies to a ticket. `share` 1 = when breached (the due instant). */
export interface ApplicableLevel {
  rule: string;
  /** The level's position in its rule (1-based `idx`). */
  level: number;
  clock: EscalationClock;
  share: number;
}

export interface EscalationMark {
  rule: string;
  level: number;
  dueAt: Date;
}

interface Condition {
  field: string;
  values: string[];
}

/** A rule applies when all its conditions match; a rule without conditions applies to every ticket. */
function matches(conditions: unknown, ticket: Readonly<Record<string, unknown>>): boolean {
  if (!Array.isArray(conditions) || !conditions.length) return true;
  return (conditions as Condition[]).every((c) => typeof ticket[c.field] === "string" && c.values.includes(ticket[c.field] as string));
}

/** The levels of the enabled escalation rules whose conditions the ticket matches, by rule name then level. */
export async function applicableLevels(scoped: ScopedDb, ticket: Readonly<Record<string, unknown>>): Promise<ApplicableLevel[]> {
  const rules = await scoped.list("HD Escalation Rule", { fields: ["name", "conditions"], filters: [{ field: "enabled", operator: "=", value: 1 }], orderBy: [{ field: "name", direction: "asc" }], limit: 0 });
  const out: ApplicableLevel[] = [];
  for (const rule of rules.filter((r) => matches(r.conditions, ticket))) {
    const doc = await scoped.get("HD Escalation Rule", String(rule.name));
    for (const row of (doc.levels ?? []) as Record<string, unknown>[]) {
      const percent = row.trigger_percent;
      out.push({ rule: String(rule.name), level: Number(row.idx), clock: row.trigger_clock as EscalationClock, share: typeof percent === "number" ? percent / 100 : 1 });
    }
  }
  return out;
}

/**
 * The SLA cycle a ticket is in: its SLA start and how often it was reopened. A level fires once per
 * cycle, so a reopened ticket can escalate again; a priority change or a hold does not start one.
 */
export function escalationCycle(slaStart: string, log: TicketSlaLog): string {
  return `${slaStart}#${log.resolutions.filter((r) => r.reopenedAt !== null).length}`;
}

/**
 * When each level falls due, from the ticket's SLA state computed with `marks` = the levels' shares.
 * A stopped clock (first response given, finally resolved) has no pending levels; a resolution clock
 * paused before reaching a share has no instant for it until it resumes.
 */
export function escalationMarks(state: TicketSlaState, levels: readonly ApplicableLevel[]): EscalationMark[] {
  const out: EscalationMark[] = [];
  for (const level of levels) {
    const clock = state[level.clock];
    if (clock.stoppedAt !== null) continue;
    const at = clock.marks.find((m) => m.share === level.share)?.at ?? null;
    if (at) out.push({ rule: level.rule, level: level.level, dueAt: at });
  }
  return out;
}

/**
 * Replaces a ticket's escalation marks, in the write's transaction (derived data like `response_by`,
 * so not audited on its own: the ticket's Version row records the SLA fields it derives from).
 */
export async function writeEscalationMarks(scoped: ScopedDb, ticket: string, cycle: string, marks: readonly EscalationMark[]): Promise<void> {
  const exec = scoped.bookkeepingExecutor();
  await exec.delete(hdTicketEscalationMarks).where(eq(hdTicketEscalationMarks.ticket, ticket));
  if (marks.length) await exec.insert(hdTicketEscalationMarks).values(marks.map((m) => ({ ticket, rule: m.rule, level: m.level, cycle, dueAt: toTimestamp(m.dueAt) })));
}
