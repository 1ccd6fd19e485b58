import type { Instant } from "./instant";

/** Frappe Helpdesk's agreement statuses, spelled the same so its integrations keep working. */
export const AGREEMENT_STATUSES = ["First Response Due", "Resolution Due", "Paused", "Fulfilled", "Failed"] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** The share of a target after which a running clock is "at risk" unless told otherwise. */
export const DEFAULT_AT_RISK_SHARE = 0.75;

/** A period the ticket spent in a status of the Paused category; `to` null/absent while still paused. */
export interface HoldInterval {
  from: Instant;
  to?: Instant | null;
}

/** The ticket's priority changed to `priority` at `at`. */
export interface PriorityChange {
  at: Instant;
  priority: string;
}

/** The ticket entered a Resolved-category status; `reopenedAt` when it was reopened (null/absent if not). */
export interface Resolution {
  resolvedAt: Instant;
  reopenedAt?: Instant | null;
}

/** What happened to a ticket, as recorded by the ticket service. Events after `now` are ignored. */
export interface TicketSlaFacts {
  /** Ticket creation, or when the SLA was applied (Frappe's `service_level_agreement_creation`). */
  slaStart: Instant;
  /** The priority the ticket had at `slaStart`. */
  priority: string;
  priorityChanges?: readonly PriorityChange[];
  holds?: readonly HoldInterval[];
  /** The first agent reply (Frappe's `first_responded_on`). */
  firstRespondedAt?: Instant | null;
  /** Resolutions in time order; only the last may be without a reopening. */
  resolutions?: readonly Resolution[];
}

export interface TicketSlaOptions {
  /** The instant the state is computed for. */
  now: Instant;
  /** Share of a target (0 < share ≤ 1) from which a running clock is at risk; default 0.75. */
  atRiskShare?: number;
  /** Shares (e.g. 0.5, 0.75, 1) whose instants to report per clock, for escalation levels. */
  marks?: readonly number[];
}

/** The instant a clock reaches `share` of its target; null while paused before reaching it. */
export interface SlaMark {
  share: number;
  at: Date | null;
}

/** One SLA clock (first response or resolution) at `now`. */
export interface SlaClock {
  /** The priority whose targets apply: the one in force when the clock stopped, or now. */
  priority: string;
  targetMinutes: number;
  /** When the target is (or was) due; null only for a resolution clock paused before its due. */
  dueAt: Date | null;
  /** Business minutes counted so far (hold and resolved time excluded). */
  usedMinutes: number;
  remainingMinutes: number;
  /** usedMinutes / targetMinutes; can exceed 1 after a breach. */
  shareUsed: number;
  /** Counting now: not stopped, not paused. */
  running: boolean;
  /** When the clock stopped for good (first response / final resolution), else null. */
  stoppedAt: Date | null;
  /** The clock ran (or stopped) past its due instant. */
  breached: boolean;
  /** Running, not breached, and at least `atRiskShare` of the target used. */
  atRisk: boolean;
  marks: SlaMark[];
}

/** A ticket's SLA at `now`: the fields the ticket carries, and both clocks in detail. */
export interface TicketSlaState {
  /** Frappe's `response_by`. */
  responseBy: Date;
  /** Frappe's `resolution_by`; null while paused with time still left (the due date is unknown until it resumes). */
  resolutionBy: Date | null;
  agreementStatus: AgreementStatus;
  /** Business minutes the resolution clock has been stopped by holds and by resolved-then-reopened periods. */
  holdMinutes: number;
  /** Start of the hold in progress, or null. */
  onHoldSince: Date | null;
  /** Either running clock is at risk. */
  atRisk: boolean;
  response: SlaClock;
  resolution: SlaClock;
}
