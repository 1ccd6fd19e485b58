"use client";

import { cx } from "~/components/ui/cx";
import { inputClasses, labelClasses } from "~/components/ui/field";
import { AGREEMENT_STATUSES, ME, SORT_FIELDS, SORT_LABELS, type AgreementStatus, type TicketListParams, type TicketSortField } from "./list-params";
import type { Catalogues } from "./use-catalogues";

type Update = (patch: Partial<TicketListParams>) => void;

function Chips({ legend, options, value, onChange }: { legend: string; options: string[]; value: string[]; onChange: (next: string[]) => void }) {
  return (
    <fieldset>
      <legend className={labelClasses}>{legend}</legend>
      <div className="flex flex-wrap gap-2">
        {options.map((option) => {
          const checked = value.includes(option);
          return (
            <label
              key={option}
              className={cx(
                "inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-full border px-3 text-sm font-medium select-none sm:min-h-10",
                "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-accent",
                checked ? "border-accent bg-accent-soft text-fg" : "border-line bg-surface text-muted hover:text-fg",
              )}
            >
              <input type="checkbox" className="sr-only" checked={checked} onChange={() => onChange(checked ? value.filter((v) => v !== option) : options.filter((o) => o === option || value.includes(o)))} />
              <span aria-hidden="true" className={cx("size-2 rounded-full", checked ? "bg-accent" : "bg-line")} />
              {option}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

function Select({ id, label, value, onChange, children, className }: { id: string; label: string; value: string; onChange: (value: string) => void; children: React.ReactNode; className?: string }) {
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClasses}>{label}</label>
      <select id={id} className={inputClasses} value={value} onChange={(e) => onChange(e.target.value)}>{children}</select>
    </div>
  );
}

/** Status and priority as toggle chips; team, assignee and SLA as selects; "At risk only"; "Clear" when anything is set. */
export function TicketFilters({ id, params, update, catalogues, onClear }: { id: string; params: TicketListParams; update: Update; catalogues: Catalogues | undefined; onClear?: (() => void) | undefined }) {
  const statuses = catalogues?.statuses.map((s) => s.name) ?? params.status;
  const priorities = catalogues?.priorities.map((p) => p.name) ?? params.priority;
  const known = (list: string[], value: string | undefined) => (value && !list.includes(value) ? <option value={value}>{value}</option> : null);
  return (
    <div id={id} className="grid gap-4 sm:grid-cols-2 lg:flex lg:flex-wrap lg:items-end">
      <Chips legend="Status" options={statuses} value={params.status} onChange={(status) => update({ status })} />
      <Chips legend="Priority" options={priorities} value={params.priority} onChange={(priority) => update({ priority })} />
      <Select id="filter-team" label="Team" className="lg:w-44" value={params.team ?? ""} onChange={(v) => update({ team: v || undefined })}>
        <option value="">All teams</option>
        {catalogues?.teams.map((t) => <option key={t.name} value={t.name}>{t.name}</option>)}
        {known(catalogues?.teams.map((t) => t.name) ?? [], params.team)}
      </Select>
      <Select id="filter-assignee" label="Assignee" className="lg:w-44" value={params.assignee ?? ""} onChange={(v) => update({ assignee: v || undefined })}>
        <option value="">Anyone</option>
        <option value={ME}>Me</option>
        {catalogues?.agents.map((a) => <option key={a.user} value={a.user}>{a.name}</option>)}
        {params.assignee !== ME ? known(catalogues?.agents.map((a) => a.user) ?? [], params.assignee) : null}
      </Select>
      <Select id="filter-sla" label="SLA" className="lg:w-48" value={params.sla[0] ?? ""} onChange={(v) => update({ sla: v ? [v as AgreementStatus] : [] })}>
        <option value="">Any SLA state</option>
        {AGREEMENT_STATUSES.map((s) => <option key={s} value={s}>{s === "Failed" ? "Failed (breached)" : s}</option>)}
      </Select>
      <label className="inline-flex min-h-11 cursor-pointer items-center gap-3 self-end text-sm font-medium sm:min-h-10">
        <input type="checkbox" className="size-5 accent-accent" checked={params.risk} onChange={(e) => update({ risk: e.target.checked })} />
        At risk only
      </label>
      {onClear ? (
        <button type="button" onClick={onClear} className="min-h-11 justify-self-start self-end rounded-md px-2 text-sm font-medium text-accent underline-offset-2 hover:underline sm:min-h-10">
          Clear search and filters
        </button>
      ) : null}
    </div>
  );
}

/** Sorting on phones, where there are no column headers. */
export function TicketSortSelect({ params, update, className }: { params: TicketListParams; update: Update; className?: string }) {
  return (
    <Select id="ticket-sort" label="Sort by" className={className} value={`${params.sort}:${params.dir}`} onChange={(v) => { const [sort, dir] = v.split(":"); update({ sort: sort as TicketSortField, dir: dir === "asc" ? "asc" : "desc" }); }}>
      {SORT_FIELDS.flatMap((f) => [
        <option key={`${f}:asc`} value={`${f}:asc`}>{SORT_LABELS[f]}, {f === "modified" || f === "opening_date" ? "oldest first" : "soonest first"}</option>,
        <option key={`${f}:desc`} value={`${f}:desc`}>{SORT_LABELS[f]}, {f === "modified" || f === "opening_date" ? "newest first" : "latest first"}</option>,
      ])}
    </Select>
  );
}
