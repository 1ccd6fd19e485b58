import { AppError, isCustomerScoped, type ScopedDb, type ValidateEvent } from "@orchestrator/db";
import { helpdeskService } from "./service-principal";
import type { TicketSlaLog } from "@orchestrator/db/schema";
import { logActivities, type Activity } from "./activity";
import { autoAssign, loadTeamAgents, teamChange } from "./assign";
import { applicableLevels, escalationCycle, escalationMarks, writeEscalationMarks } from "../escalation/marks";
import { emptyLog, logStatusChange, pausesFor, readLog, slaFieldsOf, slaState, statusCategories, toTimestamp, type StatusCategory } from "./sla-fields";
import { findPolicyName, loadPolicy, type SlaPolicy } from "./sla-policy";
import { queueAcknowledgement } from "../automation/ticket-mail";

const str = (v: unknown): string | null => (typeof v === "string" && v ? v : null);

async function defaultPriority(scoped: ScopedDb): Promise<string> {
  const [row] = await scoped.list("HD Ticket Priority", { fields: ["name"], orderBy: [{ field: "rank", direction: "asc" }], limit: 1 });
  if (!row) throw AppError.validation([{ field: "priority", message: "No ticket priorities are configured" }]);
  return String(row.name);
}

function defaultStatus(categories: ReadonlyMap<string, StatusCategory>): string {
  const open = [...categories].find(([, c]) => c === "Open");
  if (!open) throw AppError.validation([{ field: "status", message: "No status of category Open is configured" }]);
  return open[0];
}

/** A ticket a portal contact raises belongs to one of their customers and sits in that customer's department. */
async function checkPortalTicket(caller: ScopedDb, doc: Readonly<Record<string, unknown>>): Promise<void> {
  const customer = str(doc.customer);
  if (!customer) throw AppError.validation([{ field: "customer", message: "Customer is required" }]);
  await caller.get("HD Customer", customer); // one of theirs, or NOT FOUND
  // Its department is staff-only (internal), so the helpdesk service reads it.
  const row = await helpdeskService(caller).get("HD Customer", customer);
  if (row.department !== doc.department) throw AppError.validation([{ field: "department", message: `Tickets of ${customer} are filed in department ${String(row.department)}` }]);
}

/** Assignment on create or team change: the team's rule, or a manual choice checked against the team. */
async function assignment(scoped: ScopedDb, categories: ReadonlyMap<string, StatusCategory>, doc: Readonly<Record<string, unknown>>, event: ValidateEvent, set: Record<string, unknown>, activities: Activity[]): Promise<void> {
  const teamName = str(doc.agent_group);
  const teamChanged = event.action === "create" || event.changed.includes("agent_group");
  const assigneeChanged = event.changed.includes("assignee");
  if (!teamName || (!teamChanged && !assigneeChanged)) {
    if (assigneeChanged) activities.push({ kind: "assignment", action: str(doc.assignee) ? `Assigned to ${String(doc.assignee)}` : "Unassigned", data: { assignee: doc.assignee ?? null } });
    return;
  }
  const team = await loadTeamAgents(scoped, teamName, categories);
  let assignee = str(doc.assignee);
  if (assigneeChanged && (assignee || event.action === "update")) {
    // A manual choice (or a manual unassign) wins over the rule; a chosen agent must be in the team.
    if (assignee && !team.agents.some((a) => a.id === assignee)) throw AppError.validation([{ field: "assignee", message: `${assignee} is not an active agent of team ${teamName}` }]);
    if (event.action === "update" && teamChanged) activities.push({ kind: "team", action: `Team changed to ${teamName}`, data: { from: event.previous?.agent_group ?? null, to: teamName } });
    activities.push({ kind: "assignment", action: assignee ? `Assigned to ${assignee}` : "Unassigned", data: { assignee, manual: true } });
    return;
  }
  if (event.action === "update") {
    const decision = teamChange(team, assignee);
    activities.push({ kind: "team", action: `Team changed to ${teamName}`, data: { from: event.previous?.agent_group ?? null, to: teamName } });
    if (decision.action === "keep") return;
    if (decision.action === "unassign") {
      activities.push({ kind: "assignment", action: `Unassigned ${decision.previousAgentId}: not in team ${teamName}`, data: { previous: decision.previousAgentId } });
      assignee = null;
      set.assignee = null;
    }
  }
  if (assignee) return;
  const result = await autoAssign(scoped, team, doc);
  activities.push({ kind: "assignment", action: result.message, data: { assignee: result.assignee } });
  if (result.assignee) set.assignee = result.assignee;
}

/** Status and priority changes into the SLA log; resolution date kept in step. */
function recordChanges(event: ValidateEvent, doc: Readonly<Record<string, unknown>>, log: TicketSlaLog, categories: ReadonlyMap<string, StatusCategory>, policy: SlaPolicy | null, now: string, set: Record<string, unknown>, activities: Activity[]): TicketSlaLog {
  let out = log;
  const status = String(doc.status);
  if (event.changed.includes("status")) {
    const from = str(event.previous?.status);
    out = logStatusChange(out, categories, pausesFor(policy, categories), from, status, now);
    const was = from ? categories.get(from) : undefined;
    const is = categories.get(status);
    const resolved = (c: StatusCategory | undefined) => c === "Resolved" || c === "Closed";
    if (!resolved(was) && resolved(is)) set.resolution_date = now;
    if (resolved(was) && !resolved(is)) set.resolution_date = null;
    activities.push({ kind: "status", action: `Status changed from ${from ?? "—"} to ${status}`, data: { from, to: status } });
  }
  if (event.changed.includes("priority")) {
    out.priorityChanges.push({ at: now, priority: String(doc.priority) });
    activities.push({ kind: "priority", action: `Priority changed from ${String(event.previous?.priority)} to ${String(doc.priority)}`, data: { from: event.previous?.priority ?? null, to: doc.priority } });
  }
  if (event.changed.includes("first_responded_on") && doc.first_responded_on) activities.push({ kind: "sla", action: "First response given", data: { at: doc.first_responded_on } });
  return out;
}

/**
 * `HD Ticket`'s validate (tRPC, REST and services alike): defaults status and priority, applies the
 * matching SLA on create, records status/priority changes in the SLA log and recomputes the SLA
 * fields with `computeTicketSla`, runs the team's assignment rule (on create and on a team change),
 * and writes the activity rows, all in the write's transaction.
 */
export async function validateTicket(caller: ScopedDb, event: ValidateEvent): Promise<Record<string, unknown>> {
  // A portal contact's ticket: filed in its customer's department; the SLA, assignment and activity
  // rows (which the contact may not read) are written by the helpdesk service in the same transaction.
  const portal = isCustomerScoped(caller.principal, "helpdesk");
  if (portal && event.action === "create") await checkPortalTicket(caller, event.doc);
  const scoped = helpdeskService(caller);
  const nowMs = Date.now();
  const now = toTimestamp(nowMs);
  const categories = await statusCategories(scoped);
  const set: Record<string, unknown> = {};
  const activities: Activity[] = [];
  if (event.action === "create") {
    if (!str(event.doc.status)) set.status = defaultStatus(categories);
    if (!str(event.doc.priority)) set.priority = await defaultPriority(scoped);
    set.opening_date = now;
  } else {
    if (!str(event.doc.status)) throw AppError.validation([{ field: "status", message: "Status is required" }]);
    if (!str(event.doc.priority)) throw AppError.validation([{ field: "priority", message: "Priority is required" }]);
  }
  const doc = { ...event.doc, ...set };
  await assignment(scoped, categories, doc, event, set, activities);

  let policyName = str(doc.sla);
  let slaStart = str(doc.sla_start);
  let log = readLog(doc.sla_log);
  if (event.action === "create") {
    policyName = await findPolicyName(scoped, { ...doc, ...set });
    slaStart = now;
    log = emptyLog();
    log.priorityChanges.push({ at: now, priority: String(doc.priority) });
    if (policyName) Object.assign(set, { sla: policyName, sla_start: now });
    activities.unshift({ kind: "created", action: `Ticket created${policyName ? ` under SLA ${policyName}` : ""}`, data: { sla: policyName } });
  }
  const policy = policyName ? await loadPolicy(scoped, policyName) : null;
  if (event.action === "create") {
    if (categories.get(String(doc.status)) !== "Open") log = logStatusChange(log, categories, pausesFor(policy, categories), null, String(doc.status), now);
  } else log = recordChanges(event, doc, log, categories, policy, now, set, activities);
  set.sla_log = log;
  if (policy && slaStart) {
    const levels = await applicableLevels(scoped, { ...doc, ...set });
    const state = slaState(policy, log, { sla_start: slaStart, first_responded_on: doc.first_responded_on }, nowMs, [...new Set(levels.map((l) => l.share))]);
    // The instants the escalation sweep fires at, stored with the SLA fields (business time is not SQL).
    await writeEscalationMarks(scoped, event.name, escalationCycle(slaStart, log), escalationMarks(state, levels));
    const fields = slaFieldsOf(state);
    if (event.action === "update" && fields.agreement_status !== event.previous?.agreement_status) {
      activities.push({ kind: "sla", action: `Agreement status ${String(event.previous?.agreement_status ?? "—")} → ${String(fields.agreement_status)}`, data: { from: event.previous?.agreement_status ?? null, to: fields.agreement_status } });
    }
    Object.assign(set, fields);
  } else if (event.action === "update") await writeEscalationMarks(scoped, event.name, "", []);
  await logActivities(scoped, event.name, String(event.doc.department), activities);
  // The acknowledgement e-mail to `raised_by` (HELPDESK_ACK_EMAIL), queued with the ticket.
  if (event.action === "create") await queueAcknowledgement(scoped, event.name, { ...event.doc, ...set });
  return set;
}
