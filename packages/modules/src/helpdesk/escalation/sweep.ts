import type { Principal } from "@orchestrator/db";
import { sql } from "drizzle-orm";
import { toTimestamp } from "../tickets/sla-fields";
import { fireLevel, type EscalationCandidate, type FireOptions, type FireOutcome } from "./fire";
import { escalationDb, isDeadlock } from "./store";

/** A page's last candidate: the next page starts after it (keyset on the due index). */
interface Cursor {
  dueAt: string;
  ticket: string;
  rule: string;
  level: number;
}

type Row = EscalationCandidate & { due_at: string };

/**
 * One page of candidates: marks due at `now` with no fired row for their cycle, in due order. Set-based
 * (a range on `hd_ticket_escalation_marks_due_idx`, an anti-join on the fired table's primary key),
 * never a loop over the tickets. Exported for the bench, which times it against the raw SQL.
 */
export function candidateQuery(now: string, limit: number, after: Cursor | null) {
  const keyset = after ? sql`AND (m.due_at, m.ticket, m.rule, m.level) > (${after.dueAt}, ${after.ticket}, ${after.rule}, ${after.level})` : sql``;
  return sql`SELECT m.ticket, m.rule, m.level, m.cycle, DATE_FORMAT(m.due_at, '%Y-%m-%d %H:%i:%s.%f') AS due_at
    FROM hd_ticket_escalation_marks m
    LEFT JOIN hd_escalation_fired f ON f.ticket = m.ticket AND f.rule = m.rule AND f.level = m.level AND f.cycle = m.cycle
    WHERE m.due_at <= ${now} AND f.ticket IS NULL ${keyset}
    ORDER BY m.due_at, m.ticket, m.rule, m.level
    LIMIT ${limit}`;
}

export async function selectCandidates(now: Date, limit: number, after: Cursor | null = null): Promise<Row[]> {
  const [rows] = (await escalationDb().execute(candidateQuery(toTimestamp(now), limit, after))) as unknown as [Row[]];
  return rows.map((r) => ({ ...r, level: Number(r.level) }));
}

export interface SweepOptions extends Partial<Pick<FireOptions, "beforeCommit">> {
  /** The instant the sweep evaluates (default: the clock). */
  now?: Date;
  /** Candidates per page (default 500). */
  pageSize?: number;
  /**
   * Levels fired at once (default 4), each in its own transaction. A ticket's levels always share one
   * lane, in due order, so they never wait on each other's ticket lock.
   */
  concurrency?: number;
  /** Reports a level that failed to fire (it is selected again by the next sweep). */
  onError?: (candidate: EscalationCandidate, error: unknown) => void;
}

export interface SweepResult {
  candidates: number;
  fired: number;
  already: number;
  stale: number;
  failed: number;
}

/**
 * The escalation sweep (the `sla-sweep` job, every minute): pages through the due, unfired levels and
 * fires each in its own transaction (see `fireLevel`), as `principal`. Safe to run concurrently and
 * after a crash: the fired table's key decides, so each level fires exactly once per SLA cycle.
 */
export async function runEscalationSweep(principal: Principal, options: SweepOptions = {}): Promise<SweepResult> {
  const now = options.now ?? new Date();
  const pageSize = options.pageSize ?? 500;
  const lanes = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const result: SweepResult = { candidates: 0, fired: 0, already: 0, stale: 0, failed: 0 };
  const fireOptions: FireOptions = { now, ...(options.beforeCommit ? { beforeCommit: options.beforeCommit } : {}) };
  const fireOne = async (row: Row): Promise<void> => {
    const candidate: EscalationCandidate = { ticket: row.ticket, rule: row.rule, level: row.level, cycle: row.cycle };
    result.candidates++;
    try {
      result[await fireWithRetry(principal, candidate, fireOptions)]++;
    } catch (error) {
      result.failed++;
      options.onError?.(candidate, error);
    }
  };
  let after: Cursor | null = null;
  for (;;) {
    const page = await selectCandidates(now, pageSize, after);
    const byLane = Array.from({ length: lanes }, (): Row[] => []);
    for (const row of page) byLane[laneOf(row.ticket, lanes)]!.push(row);
    await Promise.all(byLane.map(async (lane) => {
      for (const row of lane) await fireOne(row);
    }));
    if (page.length < pageSize) return result;
    const last = page.at(-1)!;
    after = { dueAt: last.due_at, ticket: last.ticket, rule: last.rule, level: last.level };
  }
}

const DEFAULT_CONCURRENCY = 4;
const DEADLOCK_RETRIES = 3;

/** A stable lane per ticket (FNV-1a of its name). */
function laneOf(ticket: string, lanes: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < ticket.length; i++) hash = Math.imul(hash ^ ticket.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % lanes;
}

/**
 * Different tickets' levels fire side by side; their escalation-mark rewrites can meet in InnoDB's
 * gap locks, and the loser of a deadlock is rolled back whole — so it simply runs again.
 */
async function fireWithRetry(principal: Principal, candidate: EscalationCandidate, options: FireOptions): Promise<FireOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fireLevel(principal, candidate, options);
    } catch (error) {
      if (!isDeadlock(error) || attempt >= DEADLOCK_RETRIES) throw error;
    }
  }
}
