import { AppError, AppErrorCode, type Doc, type ScopedDb } from "@orchestrator/db";

const TICKET = "HD Ticket";
const str = (v: unknown): string | null => (typeof v === "string" && v ? v : null);
const on = (v: unknown) => v === true || v === 1;

/** A level of an escalation rule as stored (`HD Escalation Level`). */
export type LevelRow = Readonly<Record<string, unknown>>;

/** The level `idx` of an enabled rule, or null when the rule was disabled or the level removed since the mark was written. */
export async function loadLevel(scoped: ScopedDb, rule: string, idx: number): Promise<LevelRow | null> {
  const doc = await scoped.get("HD Escalation Rule", rule).catch((error: unknown) => {
    if (error instanceof AppError && error.code === AppErrorCode.NotFound) return null;
    throw error;
  });
  if (!doc || !on(doc.enabled)) return null;
  return ((doc.levels ?? []) as LevelRow[]).find((l) => Number(l.idx) === idx) ?? null;
}

/** "next": the priority of the next higher rank (none above the top one); else the named priority. */
async function raisedPriority(scoped: ScopedDb, current: string, raise: string): Promise<string | null> {
  if (raise !== "next") return raise === current ? null : raise;
  const rows = await scoped.list("HD Ticket Priority", { fields: ["name", "rank"], orderBy: [{ field: "rank", direction: "asc" }], limit: 0 });
  const rank = Number(rows.find((r) => r.name === current)?.rank ?? Number.NEGATIVE_INFINITY);
  const next = rows.find((r) => Number(r.rank) > rank);
  return next ? String(next.name) : null;
}

export interface ActionOutcome {
  /** What changed on the ticket (team, assignee, priority), or why it could not. */
  changes: Record<string, unknown>;
  refused: string | null;
  notified: string[];
}

/**
 * A level's actions on a locked ticket, through the scoped layer (each write audited): reassignment
 * and priority raise as one ticket update (its validate logs the activity and recomputes the SLA and
 * the marks), then in-app notifications to the assignee, the team lead and the named user. A
 * reassignment the ticket's rules refuse (an agent no longer in the team) is reported, not retried.
 */
export async function runLevelActions(scoped: ScopedDb, ticket: Doc, level: LevelRow, subject: string): Promise<ActionOutcome> {
  const changes: Record<string, unknown> = {};
  const team = str(level.reassign_team);
  const agent = str(level.reassign_agent);
  const raise = str(level.raise_priority);
  if (team && team !== ticket.agent_group) changes.agent_group = team;
  if (agent && agent !== ticket.assignee) changes.assignee = agent;
  if (raise) {
    const priority = await raisedPriority(scoped, String(ticket.priority), raise);
    if (priority) changes.priority = priority;
  }
  let refused: string | null = null;
  let current: Doc = ticket;
  if (Object.keys(changes).length) {
    try {
      // A savepoint: a refused change leaves the rest of the level (notifications, the record) standing.
      current = await scoped.transaction((tx) => tx.update(TICKET, ticket.name, changes));
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== AppErrorCode.Validation) throw error;
      refused = error.fieldErrors.map((f) => `${f.field}: ${f.message}`).join("; ") || error.message;
    }
  }
  const recipients = new Set<string>();
  if (on(level.notify_assignee) && str(current.assignee)) recipients.add(String(current.assignee));
  if (on(level.notify_team_lead) && str(current.agent_group)) {
    const [teamRow] = await scoped.list("HD Team", { fields: ["team_lead"], filters: [{ field: "name", operator: "=", value: current.agent_group }], limit: 1 });
    if (str(teamRow?.team_lead)) recipients.add(String(teamRow!.team_lead));
  }
  if (str(level.notify_user)) recipients.add(String(level.notify_user));
  for (const user of recipients) {
    await scoped.insert("HD Notification", { for_user: user, ticket: ticket.name, department: ticket.department, kind: "escalation", subject: subject.slice(0, 500), email_status: on(level.notify_email) ? "pending" : "none" });
  }
  return { changes: refused ? {} : changes, refused, notified: [...recipients] };
}
