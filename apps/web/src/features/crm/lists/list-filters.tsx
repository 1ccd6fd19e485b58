"use client";

import { SelectField } from "../form-fields";
import { sortLabel, type CrmListParams } from "./list-params";
import type { FilterOptions, ListSpec } from "./list-spec";
import { teamMembers, type CrmCatalogues } from "../use-crm-catalogues";
import type { UpdateList } from "./use-list-params";

function optionsOf(catalogues: CrmCatalogues | undefined, kind: FilterOptions): string[] {
  if (kind === "teams") return catalogues?.teams.map((t) => t.name) ?? [];
  if (kind === "members") return teamMembers(catalogues);
  if (kind === "stages") return catalogues?.stages.map((s) => s.name) ?? [];
  return catalogues?.[kind] ?? [];
}

/** The list's filter selects, group-by and sort, and "Clear" when a search or filter is set. */
export function ListFilters({ id, spec, params, update, catalogues, onClear }: { id: string; spec: ListSpec; params: CrmListParams; update: UpdateList; catalogues: CrmCatalogues | undefined; onClear?: (() => void) | undefined }) {
  // A value from the URL that the catalogue does not (yet) list stays selectable.
  const keep = (list: string[], value: string | undefined) => (value && !list.includes(value) ? [...list, value] : list);
  return (
    <div id={id} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-6 lg:items-end">
      {spec.filters.map((f) => (
        <SelectField key={f.key} label={f.label} value={params.filters[f.key] ?? ""} empty={f.empty} onChange={(v) => update({ filters: { ...params.filters, [f.key]: v || undefined } })}>
          {keep(optionsOf(catalogues, f.options), params.filters[f.key]).map((o) => <option key={o} value={o}>{o}</option>)}
        </SelectField>
      ))}
      <SelectField label="Group by" value={params.group ?? ""} empty="No grouping" onChange={(v) => update({ group: v || undefined })}>
        {spec.groups.map((g) => <option key={g.key} value={g.key}>{g.label}</option>)}
      </SelectField>
      <SelectField label="Sort by" value={`${params.sort}:${params.dir}`} onChange={(v) => { const [sort = spec.defaultSort.sort, dir] = v.split(":"); update({ sort, dir: dir === "asc" ? "asc" : "desc" }); }}>
        {spec.sorts.flatMap((s) => (["asc", "desc"] as const).map((dir) => <option key={`${s.field}:${dir}`} value={`${s.field}:${dir}`}>{sortLabel(spec, s.field, dir)}</option>))}
      </SelectField>
      {onClear ? (
        <button type="button" onClick={onClear} className="min-h-11 justify-self-start rounded-md px-2 text-sm font-medium text-accent underline-offset-2 hover:underline sm:min-h-10">
          Clear search and filters
        </button>
      ) : null}
    </div>
  );
}
