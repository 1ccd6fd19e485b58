import { z } from "zod";

/** Strategies an automatic rule can use. */
export const ASSIGNMENT_STRATEGIES = ["round_robin", "load_balancing", "skill_based"] as const;
export type AssignmentStrategy = (typeof ASSIGNMENT_STRATEGIES)[number];

/** How a skill-based rule breaks ties between agents matching equally many preferred skills. */
export const SKILL_TIE_BREAKS = ["load_balancing", "round_robin"] as const;
/** What a skill-based rule does when nobody eligible has the required skills. */
export const SKILL_FALLBACKS = ["load_balancing", "round_robin", "unassigned"] as const;
/** How a ticket attribute turns into skill requirements. */
export const SKILL_MATCH_MODES = ["required", "preferred", "ignore"] as const;

const team = z.string({ error: "Team is required" }).trim().min(1, "Team is required");

const maxOpenPerAgent = z
  .number({ error: "Capacity (max open per agent) must be a whole number of at least 1" })
  .int("Capacity (max open per agent) must be a whole number of at least 1")
  .min(1, "Capacity (max open per agent) must be at least 1; leave it empty for no limit")
  .nullish()
  .transform((value) => value ?? null);

const list = (values: readonly string[]) => values.map((v) => `"${v}"`).join(", ");

function oneOf<const T extends readonly [string, ...string[]]>(values: T, label: string) {
  return z.enum(values, { error: (issue) => (issue.input === undefined ? `${label} is required (one of ${list(values)})` : `${label} "${String(issue.input)}" is unknown (use ${list(values)})`) });
}

const matchMode = (label: string) => oneOf(SKILL_MATCH_MODES, label);

/** Which ticket attributes a skill-based rule matches, and how. Default: type and language required, tags preferred. */
const skillMatch = z
  .object({
    ticketType: matchMode("Skill match for ticket type").default("required"),
    language: matchMode("Skill match for language").default("required"),
    tags: matchMode("Skill match for tags").default("preferred"),
  })
  .default({ ticketType: "required", language: "required", tags: "preferred" });

const common = { team, maxOpenPerAgent };

const roundRobin = z.object({ strategy: z.literal("round_robin"), ...common });
const loadBalancing = z.object({ strategy: z.literal("load_balancing"), ...common });
const skillBased = z.object({
  strategy: z.literal("skill_based"),
  ...common,
  tieBreak: oneOf(SKILL_TIE_BREAKS, "Tie break").default("load_balancing"),
  fallback: oneOf(SKILL_FALLBACKS, "Fallback when no agent has the required skills"),
  match: skillMatch,
});

/**
 * A team's assignment rule as an admin configures it. Issues carry the path of the field at fault:
 * an unknown or missing strategy, a skill-based rule without a fallback, a capacity below 1. Unknown
 * keys are dropped (an editor switching strategy may leave the old strategy's fields behind).
 */
export const assignmentRuleSchema = z.discriminatedUnion("strategy", [roundRobin, loadBalancing, skillBased], {
  error: (issue) => {
    if (issue.code !== "invalid_union") return "An assignment rule must be an object";
    const input: unknown = issue.input;
    const strategy = typeof input === "object" && input !== null ? (input as { strategy?: unknown }).strategy : undefined;
    return strategy === undefined
      ? `Strategy is required (one of ${list(ASSIGNMENT_STRATEGIES)})`
      : `Strategy "${String(strategy)}" is unknown (use ${list(ASSIGNMENT_STRATEGIES)})`;
  },
});

/** What callers pass in (defaults optional). */
export type AssignmentRuleInput = z.input<typeof assignmentRuleSchema>;
/** A validated rule: what `assignItem` takes. */
export type AssignmentRule = z.output<typeof assignmentRuleSchema>;
export type SkillBasedRule = Extract<AssignmentRule, { strategy: "skill_based" }>;
export type SkillMatch = SkillBasedRule["match"];
export type SkillMatchMode = (typeof SKILL_MATCH_MODES)[number];
