import { AppError, formatTimestamp, parseTimestamp, type ScopedDb } from "@orchestrator/db";
import type { TicketSlaLog } from "@orchestrator/db/schema";
import { computeTicketSla, type TicketSlaState } from "../sla";
import type { SlaPolicy } from "./sla-policy";

export type StatusCategory = "Open" | "Paused" | "Resolved" | "Closed";

/** Stored timestamp (UTC `YYYY-MM-DD HH:MM:SS.ffffff`) ↔ epoch ms. */
export function toMs(value: unknown): number | null {
  if (typeof value !== "string" || !value) return null;
  const micros = parseTimestamp(value);
  return micros === null ? null : Number(micros / 1000n);
}
export const toTimestamp = (ms: number | Date): string => formatTimestamp(BigInt(typeof ms === "number" ? ms : ms.getTime()) * 1000n);

export async function statusCategories(scoped: ScopedDb): Promise<Map<string, StatusCategory>> {
  const rows = await scoped.list("HD Ticket Status", { fields: ["name", "category"], orderBy: [{ field: "sort_order", direction: "asc" }], limit: 0 });
  return new Map(rows.map((r) => [String(r.name), r.category as StatusCategory]));
}

export const emptyLog = (): TicketSlaLog => ({ holds: [], priorityChanges: [], resolutions: [] });

/** A copy of a stored log (JSON column), or an empty one. */
export function readLog(value: unknown): TicketSlaLog {
  if (!value || typeof value !== "object") return emptyLog();
  const v = value as Partial<TicketSlaLog>;
  return { holds: [...(v.holds ?? [])], priorityChanges: [...(v.priorityChanges ?? [])], resolutions: [...(v.resolutions ?? [])] };
}

const isResolved = (c: StatusCategory | undefined) => c === "Resolved" || c === "Closed";

/**
 * Records a status change at `now` in the SLA log: entering a pausing status opens a hold, leaving it
 * closes it; entering Resolved/Closed closes any hold and records a resolution, leaving them records
 * the reopening. `pauses` says whether a status pauses the policy's resolution clock.
 */
export function logStatusChange(log: TicketSlaLog, categories: ReadonlyMap<string, StatusCategory>, pauses: (status: string) => boolean, from: string | null, to: string, now: string): TicketSlaLog {
  const out = readLog(log);
  const openHold = out.holds.findIndex((h) => h.to === null);
  const closeHold = () => { if (openHold >= 0) out.holds[openHold] = { ...out.holds[openHold]!, to: now }; };
  const was = from === null ? undefined : categories.get(from);
  const is = categories.get(to);
  if (!isResolved(was) && isResolved(is)) {
    closeHold();
    out.resolutions.push({ resolvedAt: now, reopenedAt: null });
    return out;
  }
  if (isResolved(was) && !isResolved(is)) {
    const last = out.resolutions.at(-1);
    if (last && last.reopenedAt === null) out.resolutions[out.resolutions.length - 1] = { ...last, reopenedAt: now };
  }
  if (isResolved(is)) return out;
  if (pauses(to) && (openHold < 0 || isResolved(was))) out.holds.push({ from: now, to: null });
  else if (!pauses(to)) closeHold();
  return out;
}

/** Whether a status pauses a policy's resolution clock (its list, or the Paused category). */
export function pausesFor(policy: SlaPolicy | null, categories: ReadonlyMap<string, StatusCategory>): (status: string) => boolean {
  return (status) => (policy?.pauseOn ? policy.pauseOn.has(status) : categories.get(status) === "Paused");
}

/** The ticket's SLA state at `now` from its policy, log and first response; `marks` as `computeTicketSla`'s. */
export function slaState(policy: SlaPolicy, log: TicketSlaLog, ticket: { sla_start: string; first_responded_on?: unknown }, now: number, marks: readonly number[] = []): TicketSlaState {
  const [initial, ...changes] = log.priorityChanges;
  if (!initial) throw new Error("SLA log without the initial priority");
  const ms = (v: string) => toMs(v)!;
  let state: TicketSlaState;
  try {
    state = computeTicketSla(
      policy.calendar,
      policy.targets,
      {
        slaStart: ms(ticket.sla_start),
        priority: initial.priority,
        priorityChanges: changes.map((c) => ({ at: ms(c.at), priority: c.priority })),
        holds: log.holds.map((h) => ({ from: ms(h.from), to: h.to === null ? null : ms(h.to) })),
        firstRespondedAt: toMs(ticket.first_responded_on),
        resolutions: log.resolutions.map((r) => ({ resolvedAt: ms(r.resolvedAt), reopenedAt: r.reopenedAt === null ? null : ms(r.reopenedAt) })),
      },
      { now, atRiskShare: policy.atRiskShare, marks },
    );
  } catch (error) {
    if (error instanceof RangeError) throw AppError.validation([{ field: "priority", message: `SLA ${policy.name}: ${error.message}` }]);
    throw error;
  }
  return state;
}

/** The ticket's SLA fields (Frappe's names) from its state. */
export function slaFieldsOf(state: TicketSlaState): Record<string, unknown> {
  return {
    response_by: toTimestamp(state.responseBy),
    resolution_by: state.resolutionBy ? toTimestamp(state.resolutionBy) : null,
    agreement_status: state.agreementStatus,
    total_hold_time: Math.round(state.holdMinutes * 60),
    on_hold_since: state.onHoldSince ? toTimestamp(state.onHoldSince) : null,
    at_risk: state.atRisk ? 1 : 0,
  };
}

/** The ticket's SLA fields at `now` from its policy, log and first response (Frappe's names). */
export function slaFields(policy: SlaPolicy, log: TicketSlaLog, ticket: { sla_start: string; first_responded_on?: unknown }, now: number): Record<string, unknown> {
  return slaFieldsOf(slaState(policy, log, ticket, now));
}
