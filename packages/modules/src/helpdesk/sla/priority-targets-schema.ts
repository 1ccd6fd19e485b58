import { z } from "zod";

/** The largest target accepted: a year of round-the-clock minutes. */
export const MAX_TARGET_MINUTES = 366 * 24 * 60;

/** A priority's SLA targets in business minutes. */
export interface PriorityTarget {
  priority: string;
  responseMinutes: number;
  resolutionMinutes: number;
}

/** Targets by priority name. */
export type PriorityTargets = ReadonlyMap<string, PriorityTarget>;

// Rows are read loosely so that every problem can be reported with the priority's name in it.
const row = z.object({
  priority: z.string({ error: "Priority is required" }).trim().min(1, "Priority is required"),
  responseMinutes: z.unknown().optional(),
  resolutionMinutes: z.unknown().optional(),
});

function checkMinutes(value: unknown, what: string, priority: string): string | null {
  if (value === undefined || value === null || value === "") return `Priority ${priority}: set a ${what} target (business minutes)`;
  if (typeof value !== "number" || !Number.isInteger(value)) return `Priority ${priority}: the ${what} target must be a whole number of minutes`;
  if (value <= 0) return `Priority ${priority}: the ${what} target must be greater than zero`;
  if (value > MAX_TARGET_MINUTES) return `Priority ${priority}: the ${what} target must be at most ${MAX_TARGET_MINUTES} minutes`;
  return null;
}

/**
 * Per-priority targets of an SLA, as a table of rows `{priority, responseMinutes, resolutionMinutes}`.
 * Refused, with a message naming the priority: a missing, zero, negative or fractional target; a
 * response target greater than the resolution target; a priority listed twice; and, when
 * `knownPriorities` is given, a ticket priority without a row or a row for an unknown priority.
 * Parses to a Map keyed by priority name.
 */
export function priorityTargetsSchema(knownPriorities?: readonly string[]) {
  return z
    .array(row, { error: "Priority targets must be a list of rows" })
    .min(1, "Add targets for at least one priority")
    .transform((rows, ctx) => {
      const targets = new Map<string, PriorityTarget>();
      rows.forEach((r, index) => {
        if (rows.findIndex((other) => other.priority === r.priority) !== index) {
          ctx.addIssue({ code: "custom", path: [index, "priority"], message: `Priority ${r.priority} is listed more than once` });
          return;
        }
        if (knownPriorities && !knownPriorities.includes(r.priority)) {
          ctx.addIssue({ code: "custom", path: [index, "priority"], message: `Priority ${r.priority} is not a ticket priority (known: ${knownPriorities.join(", ")})` });
        }
        const responseProblem = checkMinutes(r.responseMinutes, "first-response", r.priority);
        const resolutionProblem = checkMinutes(r.resolutionMinutes, "resolution", r.priority);
        if (responseProblem) ctx.addIssue({ code: "custom", path: [index, "responseMinutes"], message: responseProblem });
        if (resolutionProblem) ctx.addIssue({ code: "custom", path: [index, "resolutionMinutes"], message: resolutionProblem });
        if (responseProblem || resolutionProblem) return;
        const responseMinutes = r.responseMinutes as number;
        const resolutionMinutes = r.resolutionMinutes as number;
        if (responseMinutes > resolutionMinutes) {
          ctx.addIssue({
            code: "custom",
            path: [index, "responseMinutes"],
            message: `Priority ${r.priority}: the first-response target (${responseMinutes} min) can't be greater than the resolution target (${resolutionMinutes} min)`,
          });
          return;
        }
        targets.set(r.priority, { priority: r.priority, responseMinutes, resolutionMinutes });
      });
      for (const known of knownPriorities ?? []) {
        if (!rows.some((r) => r.priority === known)) ctx.addIssue({ code: "custom", path: [], message: `Priority ${known} has no targets: add its first-response and resolution targets` });
      }
      return targets as PriorityTargets;
    });
}

/** The rows a caller passes in. */
export type PriorityTargetRowsInput = z.input<ReturnType<typeof priorityTargetsSchema>>;
