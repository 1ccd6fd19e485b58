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

/*
 * One markup for every width: a table from `md` (768 px) up, and below it the same rows laid out by
 * CSS as tappable cards (rows become grids, the header row is hidden and each labelled cell shows its
 * column name). Rendering a table and a card list and hiding one would double the DOM and the
 * hydration work of the page with the tightest performance budget.
 */
const cardRow = "relative grid grid-cols-[1fr_auto] gap-x-4 rounded-lg border border-line bg-surface p-4 hover:bg-surface-2 active:bg-surface-2";
const tableRow = "md:static md:table-row md:rounded-none md:border-0 md:border-t md:bg-transparent md:p-0 md:first:border-t-0 md:active:bg-transparent";
const tableCell = "md:table-cell md:px-4 md:py-3";
/** Department and Admitted on phones: the column's name on the left, the value on the right. */
const labelledCell = `col-span-2 flex justify-between gap-4 text-sm before:text-muted before:content-[attr(data-label)] md:before:content-none ${tableCell}`;

/** The Clients list. Column headers sort (a second click reverses); phones sort with the Sort select. */
export function ClientsTable({ rows, params, onSort, departmentLabel }: { rows: ClientRow[]; params: ListParams; onSort: (sort: ClientSortField) => void; departmentLabel: (name: string) => string }) {
  return (
    <div className="md:overflow-x-auto md:rounded-lg md:border md:border-line md:bg-surface">
      <table className="block w-full text-left text-sm md:table">
        <caption className="sr-only">Clients, sorted by {columns.find((c) => c.sort === params.sort)?.label ?? params.sort}, {params.dir === "asc" ? "ascending" : "descending"}</caption>
        <thead className="hidden border-b border-line text-xs tracking-wide text-muted uppercase md:table-header-group">
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
        <tbody className="flex flex-col gap-2 md:table-row-group">
          {rows.map((row) => (
            <tr key={row.name} className={`${cardRow} ${tableRow} md:hover:bg-surface-2`}>
              <td className={`min-w-0 truncate font-medium ${tableCell}`}>
                {/* On phones the link's ::after covers the whole card, so the card is one tap target. */}
                <Link href={clientHref(row.name)} prefetch={false} className="text-fg underline-offset-2 after:absolute after:inset-0 hover:underline md:after:content-none">
                  {sortableName(row.first_name, row.last_name)}
                </Link>
              </td>
              <td className={`col-start-1 row-start-2 font-mono text-xs text-muted ${tableCell}`}>{row.name}</td>
              <td className={`col-start-2 row-span-2 row-start-1 justify-self-end ${tableCell}`}>
                <StatusBadge status={row.status} />
              </td>
              <td data-label="Department" className={`mt-3 ${labelledCell}`}>
                <span className="truncate">{departmentLabel(row.department)}</span>
              </td>
              <td data-label="Admitted" className={`mt-1 whitespace-nowrap ${labelledCell}`}>
                {formatDate(row.admission_date) || <span className="text-muted">—</span>}
              </td>
              <td className="hidden whitespace-nowrap text-muted lg:table-cell lg:px-4 lg:py-3">
                <DateTime value={row.modified} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
