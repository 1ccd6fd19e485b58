/**
 * Helpdesk SLA calendar maths: pure functions, no database, no I/O. Instants go in as Date or epoch
 * ms and come out as Date (UTC); wall-clock rules (working hours, holidays) are read in the
 * calendar's IANA time zone, and business time is real elapsed time inside working hours, so it
 * stays correct across DST changes. Rules decided: see README.md beside this file.
 */

// Definitions and validation (zod; issues name the day, date or priority at fault).
export { calendarDefinitionSchema, WEEKDAYS, type CalendarDefinition, type CalendarDefinitionInput, type Holiday, type Weekday, type WorkingInterval } from "./calendar-schema";
export { priorityTargetsSchema, MAX_TARGET_MINUTES, type PriorityTarget, type PriorityTargetRowsInput, type PriorityTargets } from "./priority-targets-schema";

// A compiled calendar and business-time arithmetic.
export { BusinessCalendar, createBusinessCalendar } from "./business-calendar";
export { addBusinessMinutes, businessMinutesBetween, isWorkingTime, nextWorkingInstant } from "./business-time";
export type { Instant } from "./instant";

// A ticket's SLA state: due dates, agreement status, hold time, share used, breaches.
export { computeTicketSla } from "./ticket-sla";
export {
  AGREEMENT_STATUSES,
  DEFAULT_AT_RISK_SHARE,
  type AgreementStatus,
  type HoldInterval,
  type PriorityChange,
  type Resolution,
  type SlaClock,
  type SlaMark,
  type TicketSlaFacts,
  type TicketSlaOptions,
  type TicketSlaState,
} from "./ticket-sla-types";
