import { AppError, AppErrorCode, ScopedDb, type Principal } from "@orchestrator/db";
import { hdEscalationFired, hdTicketEscalationMarks } from "@orchestrator/db/schema";
import { and, eq, lte } from "drizzle-orm";
import { registry } from "../../registry";
import { logActivities } from "../tickets/activity";
import { toTimestamp } from "../tickets/sla-fields";
import { loadLevel, runLevelActions, type LevelRow } from "./actions";
import { escalationDb, isDuplicateKey } from "./store";

/** A (ticket, rule, level) whose instant has passed in the ticket's current SLA cycle, not yet fired. */
export interface EscalationCandidate {
  ticket: string;
  rule: string;
  level: number;
  cycle: string;
}

/** fired; already fired (by a concurrent sweep); stale (answered, resolved, recomputed, rule disabled or ticket gone since it was selected). */
export type FireOutcome = "fired" | "already" | "stale";

export interface FireOptions {
  now: Date;
  /** Test hook: runs after every write of the level, just before the commit (a throw rolls it all back). */
  beforeCommit?: (candidate: EscalationCandidate) => Promise<void>;
}

function describe(level: LevelRow, rule: string, idx: number): string {
  const when = level.trigger_percent === null || level.trigger_percent === undefined ? "breached" : `${String(level.trigger_percent)}% used`;
  return `Escalation ${rule} level ${idx}: ${String(level.trigger_clock)} time ${when}`;
}

/**
 * Fires one level in ONE transaction: lock the ticket, check the mark is still due in this cycle,
 * insert the `hd_escalation_fired` row (its primary key is ticket × rule × level × cycle: a duplicate
 * means it already fired, so nothing else happens), run the level's actions and write the activity
 * row, all through a ScopedDb on that transaction (audited). A crash anywhere before the commit
 * leaves nothing, and the next sweep selects the level again; after the commit it never fires again.
 */
export async function fireLevel(principal: Principal, candidate: EscalationCandidate, options: FireOptions): Promise<FireOutcome> {
  const { ticket: name, rule, level: idx, cycle } = candidate;
  return escalationDb().transaction(async (tx) => {
    const scoped = new ScopedDb(principal, { requestId: `sla-sweep:${name}` }, registry, tx);
    const ticket = await scoped.get("HD Ticket", name, { forUpdate: true }).catch((error: unknown) => {
      if (error instanceof AppError && error.code === AppErrorCode.NotFound) return null;
      throw error;
    });
    const m = hdTicketEscalationMarks;
    const thisMark = and(eq(m.ticket, name), eq(m.rule, rule), eq(m.level, idx));
    // A ticket gone (or out of reach) keeps no marks, so it is not selected again.
    if (!ticket) {
      await tx.delete(m).where(eq(m.ticket, name));
      return "stale";
    }
    const due = await tx.select({ level: m.level }).from(m).where(and(thisMark, eq(m.cycle, cycle), lte(m.dueAt, toTimestamp(options.now)))).limit(1);
    if (!due.length) return "stale";
    // A rule disabled or a level removed since the mark was written: drop the mark, fire nothing.
    const level = await loadLevel(scoped, rule, idx);
    if (!level) {
      await tx.delete(m).where(thisMark);
      return "stale";
    }
    try {
      await tx.insert(hdEscalationFired).values({ ticket: name, rule, level: idx, cycle, firedAt: toTimestamp(options.now) });
    } catch (error) {
      if (isDuplicateKey(error)) return "already";
      throw error;
    }
    const action = describe(level, rule, idx);
    const outcome = await runLevelActions(scoped, ticket, level, `${name}: ${action}`);
    await logActivities(scoped, name, String(ticket.department), [
      { kind: "escalation", action: outcome.refused ? `${action} (not applied: ${outcome.refused})` : action, data: { rule, level: idx, cycle, changes: outcome.changes, notified: outcome.notified, refused: outcome.refused } },
    ]);
    await options.beforeCommit?.(candidate);
    return "fired";
  });
}
