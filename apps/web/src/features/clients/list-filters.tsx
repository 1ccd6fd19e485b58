"use client";

import { cx } from "~/components/ui/cx";
import { inputClasses, labelClasses } from "~/components/ui/field";
import { CLIENT_STATUSES, DEFAULT_SORT, SORT_FIELDS, type ClientSortField, type ClientStatus, type ListParams, type SortDirection } from "./list-params";
import { statusLabel } from "./status-badge";

type Update = (patch: Partial<ListParams>) => void;

/** Status (multi-select as toggle chips), department, admission window; "Clear" when anything is set. */
export function ListFilters({ params, update, departments, id, onClear }: { params: ListParams; update: Update; departments: { name: string; label: string }[]; id: string; onClear?: () => void }) {
  const toggleStatus = (status: ClientStatus) => {
    const next = params.status.includes(status) ? params.status.filter((s) => s !== status) : [...params.status, status];
    update({ status: CLIENT_STATUSES.filter((s) => next.includes(s)) });
  };

  return (
    <div id={id} className="grid gap-4 sm:grid-cols-2 lg:flex lg:flex-wrap lg:items-end">
      <fieldset className="sm:col-span-2 lg:col-span-1">
        <legend className={labelClasses}>Status</legend>
        <div className="flex flex-wrap gap-2">
          {CLIENT_STATUSES.map((status) => {
            const checked = params.status.includes(status);
            return (
              <label
                key={status}
                className={cx(
                  "inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-full border px-4 text-sm font-medium select-none sm:min-h-10",
                  "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-accent",
                  checked ? "border-accent bg-accent-soft text-fg" : "border-line bg-surface text-muted hover:text-fg",
                )}
              >
                <input type="checkbox" className="sr-only" checked={checked} onChange={() => toggleStatus(status)} />
                <span aria-hidden="true" className={cx("size-2 rounded-full", checked ? "bg-accent" : "bg-line")} />
                {statusLabel(status)}
              </label>
            );
          })}
        </div>
      </fieldset>

      <div className="lg:w-52">
        <label htmlFor="filter-department" className={labelClasses}>
          Department
        </label>
        <select id="filter-department" className={inputClasses} value={params.department ?? ""} onChange={(e) => update({ department: e.target.value || undefined })}>
          <option value="">All departments</option>
          {departments.map((d) => (
            <option key={d.name} value={d.name}>
              {d.label}
            </option>
          ))}
          {params.department && !departments.some((d) => d.name === params.department) ? <option value={params.department}>{params.department}</option> : null}
        </select>
      </div>

      <div className="grid grid-cols-2 gap-2 sm:col-span-2 lg:col-span-1 lg:w-80">
        <div>
          <label htmlFor="filter-from" className={labelClasses}>
            Admitted from
          </label>
          <input id="filter-from" type="date" className={inputClasses} value={params.from ?? ""} max={params.to} onChange={(e) => update({ from: e.target.value || undefined })} />
        </div>
        <div>
          <label htmlFor="filter-to" className={labelClasses}>
            Admitted to
          </label>
          <input id="filter-to" type="date" className={inputClasses} value={params.to ?? ""} min={params.from} onChange={(e) => update({ to: e.target.value || undefined })} />
        </div>
      </div>

      {onClear ? (
        <button type="button" onClick={onClear} className="min-h-11 justify-self-start rounded-md px-2 text-sm font-medium text-accent underline-offset-2 hover:underline sm:min-h-10">
          Clear search and filters
        </button>
      ) : null}
    </div>
  );
}

const sortLabels: Record<ClientSortField, string> = {
  modified: "Recently updated",
  last_name: "Last name",
  first_name: "First name",
  name: "Client ID",
  status: "Status",
  admission_date: "Admission date",
  department: "Department",
};

/** Sorting on phones, where the card layout has no column headers. */
export function SortSelect({ params, update, className }: { params: ListParams; update: Update; className?: string }) {
  return (
    <div className={className}>
      <label htmlFor="sort-select" className={labelClasses}>
        Sort by
      </label>
      <select
        id="sort-select"
        className={inputClasses}
        value={`${params.sort}:${params.dir}`}
        onChange={(e) => {
          const [sort, dir] = e.target.value.split(":") as [ClientSortField, SortDirection];
          update({ sort, dir });
        }}
      >
        {SORT_FIELDS.flatMap((field) =>
          (["asc", "desc"] as const).map((dir) => (
            <option key={`${field}:${dir}`} value={`${field}:${dir}`}>
              {sortLabels[field]} {sortDirectionLabel(field, dir)}
            </option>
          )),
        )}
      </select>
    </div>
  );
}

/** A view in words ("Active, Pending · Medical · search “smith” · Last name (A–Z)"), e.g. to confirm what a saved view keeps. */
export function describeListParams(params: ListParams, departmentLabel: (name: string) => string): string {
  const parts: string[] = [];
  if (params.q) parts.push(`search “${params.q}”`);
  if (params.status.length) parts.push(params.status.map(statusLabel).join(", "));
  if (params.department) parts.push(departmentLabel(params.department));
  if (params.from || params.to) parts.push(`admitted ${params.from ?? "…"} – ${params.to ?? "…"}`);
  if (params.sort !== DEFAULT_SORT.sort || params.dir !== DEFAULT_SORT.dir) parts.push(`${sortLabels[params.sort]} ${sortDirectionLabel(params.sort, params.dir)}`);
  return parts.length ? `Keeps: ${parts.join(" · ")}` : "All clients";
}

function sortDirectionLabel(field: ClientSortField, dir: SortDirection): string {
  if (field === "modified" || field === "admission_date") return dir === "desc" ? "(newest first)" : "(oldest first)";
  return dir === "asc" ? "(A–Z)" : "(Z–A)";
}
