"use client";

import type { RouterOutputs } from "@orchestrator/modules";
import Link from "next/link";
import { SortIcon } from "~/components/ui/icons";
import { formatDate, sortableName } from "~/lib/format";
import { DateTime } from "~/components/ui/date-time";
import { clientHref } from "./client-href";
import type { ClientSortField, ListParams } from "./list-params";
import { StatusBadge } from "./status-badge";

export type ClientRow = RouterOutputs["clients"]["list"]["rows"][number];

interface Column {
  label: string;
  sort: ClientSortField;
  className?: string;
}

const columns: Column[] = [
  { label: "Name", sort: "last_name" },
  { label: "Client ID", sort: "name" },
  { label: "Status", sort: "status" },
  { label: "Department", sort: "department" },
  { label: "Admitted", sort: "admission_date" },
  { label: "Updated", sort: "modified", className: "hidden lg:table-cell" },
];

/** Desktop layout (md and up). Column headers sort; a second click reverses. */
export function ClientsTable({ rows, params, onSort, departmentLabel }: { rows: ClientRow[]; params: ListParams; onSort: (sort: ClientSortField) => void; departmentLabel: (name: string) => string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-surface">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Clients, sorted by {columns.find((c) => c.sort === params.sort)?.label ?? params.sort}, {params.dir === "asc" ? "ascending" : "descending"}</caption>
        <thead className="border-b border-line text-xs tracking-wide text-muted uppercase">
          <tr>
            {columns.map((column) => {
              const active = params.sort === column.sort;
              const direction = active ? params.dir : "none";
              return (
                <th key={column.sort} scope="col" aria-sort={active ? (params.dir === "asc" ? "ascending" : "descending") : "none"} className={column.className}>
                  <button type="button" onClick={() => onSort(column.sort)} className="inline-flex min-h-10 w-full items-center gap-1 px-4 font-semibold uppercase hover:text-fg">
                    {column.label}
                    <SortIcon direction={direction} className={active ? "text-fg" : "opacity-40"} />
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {rows.map((row) => (
            <tr key={row.name} className="hover:bg-surface-2">
              <td className="px-4 py-3 font-medium">
                <Link href={clientHref(row.name)} prefetch={false} className="text-fg underline-offset-2 hover:underline">
                  {sortableName(row.first_name, row.last_name)}
                </Link>
              </td>
              <td className="px-4 py-3 font-mono text-xs text-muted">{row.name}</td>
              <td className="px-4 py-3">
                <StatusBadge status={row.status} />
              </td>
              <td className="px-4 py-3">{departmentLabel(row.department)}</td>
              <td className="px-4 py-3 whitespace-nowrap">{formatDate(row.admission_date) || <span className="text-muted">—</span>}</td>
              <td className="hidden px-4 py-3 whitespace-nowrap text-muted lg:table-cell">
                <DateTime value={row.modified} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
