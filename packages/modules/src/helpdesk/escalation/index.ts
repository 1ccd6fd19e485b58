/**
 * Helpdesk escalation (issue 5 item 3): `HD Escalation Rule` with ordered levels, the marks written
 * with each ticket's SLA fields, and the every-minute sweep that fires each level exactly once per
 * ticket per SLA cycle. See README.md beside this file.
 */
export { escalationDocTypes, hdEscalationRuleDocType, hdNotificationDocType } from "./doctypes";
export { runEscalationSweep, selectCandidates, candidateQuery, type SweepOptions, type SweepResult } from "./sweep";
export { fireLevel, type EscalationCandidate, type FireOutcome } from "./fire";
export { escalationCycle } from "./marks";
