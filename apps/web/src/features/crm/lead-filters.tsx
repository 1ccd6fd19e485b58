"use client";

import { SelectField } from "./form-fields";
import { LEAD_SORTS, SORT_LABELS, type LeadListParams, type LeadSort } from "./lead-list-params";
import { teamMembers, type CrmCatalogues } from "./use-crm-catalogues";

type Update = (patch: Partial<LeadListParams>) => void;

/** Status, source, team and owner selects, the sort, and "Clear" when anything is set. */
export function LeadFilters({ id, params, update, catalogues, onClear }: { id: string; params: LeadListParams; update: Update; catalogues: CrmCatalogues | undefined; onClear?: (() => void) | undefined }) {
  const keep = (list: string[], value: string | undefined) => (value && !list.includes(value) ? [...list, value] : list);
  return (
    <div id={id} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
      <SelectField label="Status" value={params.status ?? ""} empty="Any status" onChange={(v) => update({ status: v || undefined })}>
        {keep(catalogues?.leadStatuses ?? [], params.status).map((s) => <option key={s} value={s}>{s}</option>)}
      </SelectField>
      <SelectField label="Source" value={params.source ?? ""} empty="Any source" onChange={(v) => update({ source: v || undefined })}>
        {keep(catalogues?.sources ?? [], params.source).map((s) => <option key={s} value={s}>{s}</option>)}
      </SelectField>
      <SelectField label="Team" value={params.team ?? ""} empty="All teams" onChange={(v) => update({ team: v || undefined })}>
        {keep(catalogues?.teams.map((t) => t.name) ?? [], params.team).map((t) => <option key={t} value={t}>{t}</option>)}
      </SelectField>
      <SelectField label="Owner" value={params.owner ?? ""} empty="Anyone" onChange={(v) => update({ owner: v || undefined })}>
        {keep(teamMembers(catalogues), params.owner).map((u) => <option key={u} value={u}>{u}</option>)}
      </SelectField>
      <SelectField label="Sort by" value={`${params.sort}:${params.dir}`} onChange={(v) => { const [sort, dir] = v.split(":"); update({ sort: sort as LeadSort, dir: dir === "asc" ? "asc" : "desc" }); }}>
        {LEAD_SORTS.flatMap((f) => [
          <option key={`${f}:asc`} value={`${f}:asc`}>{SORT_LABELS[f]}, {f === "modified" || f === "creation" ? "oldest first" : "A–Z"}</option>,
          <option key={`${f}:desc`} value={`${f}:desc`}>{SORT_LABELS[f]}, {f === "modified" || f === "creation" ? "newest first" : "Z–A"}</option>,
        ])}
      </SelectField>
      {onClear ? (
        <button type="button" onClick={onClear} className="min-h-11 justify-self-start rounded-md px-2 text-sm font-medium text-accent underline-offset-2 hover:underline sm:min-h-10">
          Clear search and filters
        </button>
      ) : null}
    </div>
  );
}
