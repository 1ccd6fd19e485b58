"use client";

import { useId } from "react";
import { Button } from "~/components/ui/button";
import { inputClasses } from "~/components/ui/field";
import { CheckboxInput, FieldError, SelectInput } from "../form-fields";
import type { FieldErrors } from "../server-errors";
import type { SettingsOptions } from "../types";
import type { LevelDraft } from "./escalation-model";

/**
 * One escalation level: when it fires (a clock at X % of its target, or when breached) and what it
 * does (notify, reassign, raise the priority). Move up/down and remove are buttons, so reordering
 * works by keyboard and touch alike.
 */
export function LevelEditor({ level, index, count, at, errors, options, disabled, onChange, onMove, onRemove }: {
  level: LevelDraft;
  index: number;
  count: number;
  at: string;
  errors: FieldErrors;
  options: SettingsOptions;
  disabled: boolean;
  onChange: (patch: Partial<LevelDraft>, ...paths: string[]) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const id = useId();
  const n = index + 1;
  const breached = level.trigger_percent === null;
  return (
    <li className="rounded-lg border border-line bg-surface p-4" aria-labelledby={`${id}-title`}>
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <h3 id={`${id}-title`} className="mr-auto text-base font-semibold text-fg">
          Level {n}
        </h3>
        <Button disabled={disabled || index === 0} onClick={() => onMove(index - 1)}>
          <span aria-hidden="true">↑</span> Move up<span className="sr-only">: level {n}</span>
        </Button>
        <Button disabled={disabled || index === count - 1} onClick={() => onMove(index + 1)}>
          <span aria-hidden="true">↓</span> Move down<span className="sr-only">: level {n}</span>
        </Button>
        <Button aria-label={`Remove level ${n}`} disabled={disabled} onClick={onRemove}>
          Remove
        </Button>
      </div>
      <FieldError id={`${id}-error`} message={errors[at]} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectInput label="Clock" value={level.trigger_clock} disabled={disabled} error={errors[`${at}.trigger_clock`]} onChange={(e) => onChange({ trigger_clock: e.target.value === "resolution" ? "resolution" : "response" }, `${at}.trigger_clock`)}>
          <option value="response">First response</option>
          <option value="resolution">Resolution</option>
        </SelectInput>
        <fieldset className="min-w-0">
          <legend className="mb-1 block text-sm font-medium text-fg">Fires</legend>
          <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
            <label className="flex min-h-11 items-center gap-2 text-sm sm:min-h-10">
              <input type="radio" className="size-5 accent-accent" name={`${id}-when`} checked={!breached} disabled={disabled} onChange={() => onChange({ trigger_percent: 75 }, `${at}.trigger_percent`)} />
              at
            </label>
            <label className="flex items-center gap-1 text-sm">
              <span className="sr-only">Percent of the target used</span>
              <input
                type="number"
                inputMode="numeric"
                min={1}
                max={100}
                className={`${inputClasses} max-w-24`}
                value={breached ? "" : String(level.trigger_percent)}
                disabled={disabled || breached}
                aria-invalid={errors[`${at}.trigger_percent`] ? true : undefined}
                aria-describedby={errors[`${at}.trigger_percent`] ? `${id}-pct` : undefined}
                onChange={(e) => onChange({ trigger_percent: e.target.value === "" ? 0 : Math.round(Number(e.target.value)) }, `${at}.trigger_percent`)}
              />
              <span aria-hidden="true">% of the target</span>
            </label>
            <label className="flex min-h-11 items-center gap-2 text-sm sm:min-h-10">
              <input type="radio" className="size-5 accent-accent" name={`${id}-when`} checked={breached} disabled={disabled} onChange={() => onChange({ trigger_percent: null }, `${at}.trigger_percent`)} />
              when breached
            </label>
          </div>
          <FieldError id={`${id}-pct`} message={errors[`${at}.trigger_percent`]} />
        </fieldset>
      </div>
      <fieldset className="mt-4 min-w-0">
        <legend className="mb-1 block text-sm font-medium text-fg">Then</legend>
        <div className="grid gap-x-4 sm:grid-cols-3">
          <CheckboxInput label="Notify the assignee" checked={level.notify_assignee} disabled={disabled} onChange={(v) => onChange({ notify_assignee: v }, at)} />
          <CheckboxInput label="Notify the team lead" checked={level.notify_team_lead} disabled={disabled} onChange={(v) => onChange({ notify_team_lead: v }, at)} />
          <CheckboxInput label="Also by email" checked={level.notify_email} disabled={disabled} onChange={(v) => onChange({ notify_email: v }, at)} />
        </div>
        <div className="mt-2 grid gap-4 sm:grid-cols-2">
          <SelectInput label="Notify a user" value={level.notify_user ?? ""} disabled={disabled} error={errors[`${at}.notify_user`]} onChange={(e) => onChange({ notify_user: e.target.value || null }, `${at}.notify_user`, at)}>
            <option value="">Nobody else</option>
            {withCurrent(options.users, level.notify_user).map((u) => (
              <option key={u.name} value={u.name}>{u.label}</option>
            ))}
          </SelectInput>
          <SelectInput label="Raise the priority" value={level.raise_priority ?? ""} disabled={disabled} error={errors[`${at}.raise_priority`]} onChange={(e) => onChange({ raise_priority: e.target.value || null }, `${at}.raise_priority`, at)}>
            <option value="">Leave as is</option>
            <option value="next">To the next priority</option>
            {withCurrent(options.priorities.map((p) => ({ name: p.name, label: `To ${p.name}` })), level.raise_priority === "next" ? null : level.raise_priority).map((p) => (
              <option key={p.name} value={p.name}>{p.label}</option>
            ))}
          </SelectInput>
          <SelectInput label="Reassign to team" value={level.reassign_team ?? ""} disabled={disabled} error={errors[`${at}.reassign_team`]} onChange={(e) => onChange({ reassign_team: e.target.value || null }, `${at}.reassign_team`, at)}>
            <option value="">Keep the team</option>
            {withCurrent(options.teams, level.reassign_team).map((t) => (
              <option key={t.name} value={t.name}>{t.label}</option>
            ))}
          </SelectInput>
          <SelectInput label="Reassign to agent" value={level.reassign_agent ?? ""} disabled={disabled} error={errors[`${at}.reassign_agent`]} onChange={(e) => onChange({ reassign_agent: e.target.value || null }, `${at}.reassign_agent`, at)}>
            <option value="">Keep the assignee</option>
            {withCurrent(options.agents, level.reassign_agent).map((a) => (
              <option key={a.name} value={a.name}>{a.label}</option>
            ))}
          </SelectInput>
        </div>
      </fieldset>
      {/* Errors the layer reports on a level's other fields (e.g. an unknown link) still show here. */}
      {Object.entries(errors)
        .filter(([p]) => p.startsWith(`${at}.`) && !["trigger_clock", "trigger_percent", "notify_user", "raise_priority", "reassign_team", "reassign_agent"].some((f) => p === `${at}.${f}`))
        .map(([p, m]) => (
          <FieldError key={p} id={`${id}-${p}`} message={m} />
        ))}
    </li>
  );
}

/** The options plus the stored value when it is no longer offered (so it shows, and can be changed). */
function withCurrent(options: { name: string; label: string }[], current: string | null): { name: string; label: string }[] {
  return current && !options.some((o) => o.name === current) ? [...options, { name: current, label: `${current} (not found)` }] : options;
}

