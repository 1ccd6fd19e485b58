"use client";

import { useId, useState } from "react";
import { cx } from "~/components/ui/cx";
import { buttonClasses } from "~/components/ui/button";
import { inputClasses, labelClasses } from "~/components/ui/field";
import { activePreset, PRESETS, presetRange, rangeProblem, type DashboardParams } from "./params";

/**
 * The dashboard's filters: range presets, a custom From/To (checked as the server checks it, the
 * problem shown under the field), the team (when the caller has more than one) and the currency
 * (when open deals use more than one). Every change goes to the URL through `onChange`.
 */
export function DashboardFilters({ params, teams, currencies, onChange }: { params: DashboardParams; teams: string[]; currencies: string[]; onChange: (patch: Partial<DashboardParams>) => void }) {
  const teamId = useId();
  const currencyId = useId();
  const preset = activePreset(params);
  return (
    <form aria-label="Dashboard filters" className="mb-4 flex flex-col gap-3 rounded-lg border border-line bg-surface p-3 sm:flex-row sm:flex-wrap sm:items-end sm:p-4" onSubmit={(e) => e.preventDefault()}>
      <div role="group" aria-label="Range" className="flex gap-1">
        {PRESETS.map((days) => (
          <button key={days} type="button" aria-pressed={preset === days} className={buttonClasses(preset === days ? "primary" : "secondary", "flex-1 px-3 sm:flex-none")} onClick={() => onChange(presetRange(days))}>
            {days} days
          </button>
        ))}
      </div>
      <RangeInputs from={params.from} to={params.to} onChange={onChange} />
      {teams.length > 1 ? (
        <div className="sm:w-48">
          <label htmlFor={teamId} className={labelClasses}>Team</label>
          <select id={teamId} className={inputClasses} value={params.team ?? ""} onChange={(e) => onChange({ team: e.target.value || undefined })}>
            <option value="">All my teams</option>
            {teams.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </div>
      ) : null}
      {currencies.length > 1 ? (
        <div className="sm:w-32">
          <label htmlFor={currencyId} className={labelClasses}>Currency</label>
          <select id={currencyId} className={inputClasses} value={params.currency ?? currencies[0]} onChange={(e) => onChange({ currency: e.target.value })}>
            {currencies.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </div>
      ) : null}
    </form>
  );
}

/** From and To: a valid range applies at once; one the server would refuse stays here with its reason. */
function RangeInputs({ from, to, onChange }: { from: string; to: string; onChange: (patch: Partial<DashboardParams>) => void }) {
  const [draft, setDraft] = useState({ from, to });
  // A new range from elsewhere (a preset, the URL) replaces the draft; no remount, so focus stays put.
  const [shown, setShown] = useState({ from, to });
  if (shown.from !== from || shown.to !== to) {
    setShown({ from, to });
    setDraft({ from, to });
  }
  const fromId = useId();
  const toId = useId();
  const errorId = useId();
  const problem = rangeProblem(draft.from, draft.to);
  const set = (patch: Partial<typeof draft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    if (!rangeProblem(next.from, next.to)) onChange(next);
  };
  const field = (name: "from" | "to", id: string, label: string) => (
    <div className="flex-1 sm:flex-none">
      <label htmlFor={id} className={labelClasses}>{label}</label>
      <input id={id} type="date" className={cx(inputClasses, "sm:w-40")} value={draft[name]} aria-invalid={problem?.field === name || undefined} aria-describedby={problem?.field === name ? errorId : undefined} onChange={(e) => set({ [name]: e.target.value })} />
    </div>
  );
  return (
    <div className="flex flex-col gap-1">
      <div className="flex gap-3">
        {field("from", fromId, "From")}
        {field("to", toId, "To")}
      </div>
      {problem ? <p id={errorId} className="text-sm text-danger">{problem.message}</p> : null}
    </div>
  );
}
