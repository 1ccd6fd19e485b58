import { AppError, type FieldIssue, type ScopedDb, type ValidateEvent } from "@orchestrator/db";
import { conditionIssues } from "../validate-sla";

/** Ticket fields an escalation rule's condition may test (value DocTypes). */
export const ESCALATION_CONDITION_FIELDS = { agent_group: "HD Team", ticket_type: "HD Ticket Type", priority: "HD Ticket Priority" } as const;

type Level = Readonly<Record<string, unknown>>;
const str = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v : null);
const on = (v: unknown) => v === true || v === 1;

/** A level's threshold as a sortable number: its percent, or 101 for "breached". */
const threshold = (level: Level): number => (level.trigger_percent === null || level.trigger_percent === undefined ? 101 : Number(level.trigger_percent));
const describe = (level: Level) => `${threshold(level) > 100 ? "breached" : `${String(level.trigger_percent)}%`} of ${String(level.trigger_clock)}`;

async function exists(scoped: ScopedDb, doctype: string, name: string): Promise<boolean> {
  return (await scoped.count(doctype, { filters: [{ field: "name", operator: "=", value: name }] })) > 0;
}

async function levelIssues(scoped: ScopedDb, levels: readonly Level[]): Promise<FieldIssue[]> {
  if (!levels.length) return [{ field: "levels", message: "An escalation rule needs at least one level" }];
  const issues: FieldIssue[] = [];
  const last = new Map<string, { at: number; index: number; level: Level }>();
  for (const [i, level] of levels.entries()) {
    const at = `levels[${i}]`;
    const percent = level.trigger_percent;
    if (percent !== null && percent !== undefined && (typeof percent !== "number" || !Number.isInteger(percent) || percent < 1 || percent > 100)) {
      issues.push({ field: `${at}.trigger_percent`, message: "Percent used must be a whole number from 1 to 100 (leave it empty for \"when breached\")" });
    } else {
      // Levels of one clock fire in order: each later level at a strictly higher share (breached last).
      const clock = String(level.trigger_clock);
      const before = last.get(clock);
      if (before && threshold(level) <= before.at) issues.push({ field: `${at}.trigger_percent`, message: `Level ${i + 1} (${describe(level)}) must fire after level ${before.index + 1} (${describe(before.level)}): order levels by when they fire` });
      last.set(clock, { at: threshold(level), index: i, level });
    }
    const raise = str(level.raise_priority);
    if (raise && raise !== "next" && !(await exists(scoped, "HD Ticket Priority", raise))) issues.push({ field: `${at}.raise_priority`, message: `Priority ${raise} not found (use "next" or a priority)` });
    const agent = str(level.reassign_agent);
    if (agent && !(await exists(scoped, "HD Agent", agent))) issues.push({ field: `${at}.reassign_agent`, message: `${agent} is not a helpdesk agent` });
    // reassign_team and notify_user are links: the data layer refuses unknown ones under their field.
    const team = str(level.reassign_team);
    const user = str(level.notify_user);
    const acts = on(level.notify_assignee) || on(level.notify_team_lead) || user || team || agent || raise;
    if (!acts) issues.push({ field: at, message: `Level ${i + 1} does nothing: choose whom to notify, a reassignment or a priority raise` });
  }
  return issues;
}

/**
 * `HD Escalation Rule`'s rules: conditions on known ticket fields and values; at least one level;
 * percent from 1 to 100 (empty = breached); levels of a clock in the order they fire; known
 * priority, team, agent and user; every level does something. All problems reported together.
 */
export async function validateEscalationRule(scoped: ScopedDb, event: ValidateEvent): Promise<void> {
  const issues = await conditionIssues(scoped, event.doc.conditions, ESCALATION_CONDITION_FIELDS);
  const levels = event.children?.levels;
  if (levels || event.action === "create") issues.push(...(await levelIssues(scoped, levels ?? [])));
  if (issues.length) throw AppError.validation(issues);
}
