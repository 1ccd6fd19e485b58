"use client";

import { Button } from "~/components/ui/button";
import { CheckboxList, FieldGroup, SelectInput, TextInput } from "./form-fields";
import type { FieldErrors } from "./server-errors";
import type { Condition, SettingsOptions } from "./types";

/** Ticket fields a condition can test, and where their values come from (null: typed in). */
const FIELDS = {
  agent_group: { label: "Team", options: (o: SettingsOptions) => o.teams },
  ticket_type: { label: "Ticket type", options: (o: SettingsOptions) => o.ticketTypes },
  priority: { label: "Priority", options: (o: SettingsOptions) => o.priorities.map((p) => ({ name: p.name, label: p.name })) },
  customer: { label: "Customer", options: null },
} as const;
export type ConditionField = keyof typeof FIELDS;

const splitList = (text: string) => text.split(",").map((s) => s.trim()).filter(Boolean);

/**
 * "Applies when": conditions that must all match, each a ticket field and the values it may have.
 * No conditions = every ticket (for an SLA, only the default applies without conditions).
 */
export function ConditionsEditor({ conditions, fields, options, errors, disabled, onChange, description }: {
  conditions: Condition[];
  fields: readonly ConditionField[];
  options: SettingsOptions;
  errors: FieldErrors;
  disabled: boolean;
  onChange: (conditions: Condition[], ...paths: string[]) => void;
  description: string;
}) {
  const set = (next: Condition[]) => onChange(next, "conditions");
  const unused = fields.find((f) => !conditions.some((c) => c.field === f));
  return (
    <FieldGroup legend="Applies when" description={description} error={errors.conditions}>
      {conditions.length === 0 ? <p className="mb-3 text-sm text-muted">No conditions: applies to every ticket.</p> : null}
      <ul className="space-y-4">
        {conditions.map((c, i) => {
          const at = `conditions[${i}]`;
          const def = c.field in FIELDS ? FIELDS[c.field as ConditionField] : null;
          const choices = def?.options ? def.options(options) : null;
          return (
            // Keyed by position and count: removing one remounts the rows, so typed-in values never shift to a neighbour.
            <li key={`${i}-${c.field}-${conditions.length}`} className="rounded-md border border-line p-3">
              <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
                <SelectInput label={`Condition ${i + 1}: field`} className="sm:w-64" value={c.field} disabled={disabled} error={errors[`${at}.field`]} onChange={(e) => set(conditions.map((x, j) => (j === i ? { field: e.target.value, values: [] } : x)))}>
                  {!def ? <option value={c.field}>{c.field || "Choose a field"}</option> : null}
                  {fields.map((f) => (
                    <option key={f} value={f}>
                      {FIELDS[f].label}
                    </option>
                  ))}
                </SelectInput>
                <Button className="sm:ml-auto" aria-label={`Remove condition ${i + 1}`} disabled={disabled} onClick={() => set(conditions.filter((_, j) => j !== i))}>
                  Remove
                </Button>
              </div>
              <div className="mt-3">
                {choices ? (
                  <CheckboxList legend={`${def?.label ?? c.field} is one of`} options={choices} selected={c.values} disabled={disabled} error={errors[`${at}.values`] ?? errors[at]} onChange={(values) => set(conditions.map((x, j) => (j === i ? { ...x, values } : x)))} />
                ) : (
                  <TextInput
                    label={`${def?.label ?? c.field} is one of`}
                    hint="Separate several with commas."
                    defaultValue={c.values.join(", ")}
                    disabled={disabled}
                    error={errors[`${at}.values`] ?? errors[at]}
                    onChange={(e) => set(conditions.map((x, j) => (j === i ? { ...x, values: splitList(e.target.value) } : x)))}
                  />
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {unused ? (
        <Button className="mt-3" disabled={disabled} onClick={() => set([...conditions, { field: unused, values: [] }])}>
          + Add condition
        </Button>
      ) : null}
    </FieldGroup>
  );
}
