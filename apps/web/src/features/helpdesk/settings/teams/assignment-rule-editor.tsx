"use client";

import { FieldGroup, SelectInput, TextInput } from "../form-fields";
import type { FieldErrors } from "../server-errors";
import type { AssignmentRule } from "../types";

const strategies = [
  { value: "round_robin", label: "Round robin", text: "Each new ticket goes to the next available member in turn." },
  { value: "load_balancing", label: "Load balancing", text: "Each new ticket goes to the available member with the fewest open tickets." },
  { value: "skill_based", label: "Skill based", text: "Members whose skills match the ticket's type, language and tags come first." },
] as const;
const tieBreaks = [
  { value: "load_balancing", label: "Fewest open tickets" },
  { value: "round_robin", label: "In turn (round robin)" },
];
const fallbacks = [
  { value: "load_balancing", label: "Any member, fewest open tickets" },
  { value: "round_robin", label: "Any member, in turn" },
  { value: "unassigned", label: "Leave unassigned" },
];
const matchModes = [
  { value: "required", label: "Required" },
  { value: "preferred", label: "Preferred" },
  { value: "ignore", label: "Ignored" },
];
const matchFields = [
  { key: "ticketType", label: "Ticket type" },
  { key: "language", label: "Language" },
  { key: "tags", label: "Tags" },
] as const;
const defaultMatch = { ticketType: "required", language: "required", tags: "preferred" };

/** The editor's rule for a strategy, carrying over the capacity (and skill options when staying skill-based). */
function ruleFor(strategy: string, previous: AssignmentRule | null): AssignmentRule | null {
  if (!strategy) return null;
  const maxOpenPerAgent = previous?.maxOpenPerAgent ?? null;
  if (strategy !== "skill_based") return { strategy, maxOpenPerAgent };
  return { strategy, maxOpenPerAgent, tieBreak: previous?.tieBreak ?? "load_balancing", fallback: previous?.fallback ?? "load_balancing", match: previous?.match ?? defaultMatch };
}

/**
 * How the team's new tickets are assigned. Only Active members are chosen (Away ones when nobody is
 * Active); a capacity stops an agent from getting more than that many open tickets.
 */
export function AssignmentRuleEditor({ rule, errors, disabled, onChange }: { rule: AssignmentRule | null; errors: FieldErrors; disabled: boolean; onChange: (rule: AssignmentRule | null, ...paths: string[]) => void }) {
  const at = (p: string) => errors[`assignment_rule.${p}`];
  const chosen = strategies.find((s) => s.value === rule?.strategy);
  return (
    <FieldGroup legend="Assignment" description="Agents who are Away are only chosen when no member is Active; Offline agents never are." error={errors.assignment_rule}>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectInput label="Strategy" value={rule?.strategy ?? ""} disabled={disabled} error={at("strategy")} hint={chosen?.text ?? "Tickets wait in the team's queue until someone takes or assigns them."} onChange={(e) => onChange(ruleFor(e.target.value, rule), "assignment_rule")}>
          <option value="">Manual (no automatic assignment)</option>
          {strategies.map((s) => (
            <option key={s.value} value={s.value}>{s.label}</option>
          ))}
        </SelectInput>
        {rule ? (
          <TextInput
            label="Capacity (max open tickets per agent)"
            type="number"
            inputMode="numeric"
            min={1}
            hint="Empty: no limit. An agent's own capacity wins."
            value={rule.maxOpenPerAgent === null || rule.maxOpenPerAgent === undefined ? "" : String(rule.maxOpenPerAgent)}
            disabled={disabled}
            error={at("maxOpenPerAgent")}
            onChange={(e) => onChange({ ...rule, maxOpenPerAgent: e.target.value === "" ? null : Math.round(Number(e.target.value)) }, "assignment_rule.maxOpenPerAgent")}
          />
        ) : null}
        {rule?.strategy === "skill_based" ? (
          <>
            <SelectInput label="Between equally skilled agents" value={rule.tieBreak ?? ""} disabled={disabled} error={at("tieBreak")} onChange={(e) => onChange({ ...rule, tieBreak: e.target.value }, "assignment_rule.tieBreak")}>
              {tieBreaks.map((t) => (
                <option key={t.value} value={t.value}>{t.label}</option>
              ))}
            </SelectInput>
            <SelectInput label="When nobody has the required skills" value={rule.fallback ?? ""} disabled={disabled} error={at("fallback")} onChange={(e) => onChange({ ...rule, fallback: e.target.value || undefined }, "assignment_rule.fallback")}>
              <option value="">Choose…</option>
              {fallbacks.map((f) => (
                <option key={f.value} value={f.value}>{f.label}</option>
              ))}
            </SelectInput>
            {matchFields.map((f) => (
              <SelectInput
                key={f.key}
                label={`Skill match: ${f.label.toLowerCase()}`}
                value={rule.match?.[f.key] ?? defaultMatch[f.key]}
                disabled={disabled}
                error={at(`match.${f.key}`)}
                onChange={(e) => onChange({ ...rule, match: { ...defaultMatch, ...rule.match, [f.key]: e.target.value } }, `assignment_rule.match.${f.key}`)}
              >
                {matchModes.map((m) => (
                  <option key={m.value} value={m.value}>{m.label}</option>
                ))}
              </SelectInput>
            ))}
          </>
        ) : null}
      </div>
    </FieldGroup>
  );
}
