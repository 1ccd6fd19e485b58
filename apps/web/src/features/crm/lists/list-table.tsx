"use client";

import Link from "next/link";
import { Fragment } from "react";
import { cx } from "~/components/ui/cx";
import { SortIcon } from "~/components/ui/icons";
import { text } from "../format";
import type { ListCells, Row } from "./list-cells";
import { groupOf, sortLabel, type CrmListParams } from "./list-params";
import type { ColumnSpec, ListSpec } from "./list-spec";

export type GroupCounts = readonly { value: string | null; count: number }[];

/* One markup for every width, as on the ticket list: a table from `md` up, the same rows as cards below it. */
const cell = "md:table-cell md:px-3 md:py-3 md:align-middle";
const labelled = `flex justify-between gap-4 text-sm before:text-muted before:content-[attr(data-label)] md:before:content-none ${cell}`;

const key = (value: unknown) => text(value).toLowerCase();

/**
 * A page of a CRM list: the first column links to the record, then the chosen columns; sortable
 * headers (aria-sort) toggle the sort. Grouped, rows arrive ordered by the group, and a heading with
 * the group's total count (all pages) goes above each group's first row on the page.
 */
export function ListTable({ spec, rows, params, cells, groups, onSort }: { spec: ListSpec; rows: Row[]; params: CrmListParams; cells: ListCells; groups: GroupCounts | undefined; onSort: (sort: string) => void }) {
  const columns = spec.columns.filter((c) => params.cols.includes(c.id));
  const group = groupOf(spec, params);
  const countOf = (value: unknown) => groups?.find((g) => key(g.value) === key(value))?.count;
  let previous: string | undefined;
  return (
    <div className="md:overflow-x-auto md:rounded-lg md:border md:border-line md:bg-surface">
      <table className="block w-full text-left text-sm md:table">
        <caption className="sr-only">
          {spec.many.charAt(0).toUpperCase()}{spec.many.slice(1)}{group ? `, grouped by ${group.label.toLowerCase()}` : ""}, sorted by {sortLabel(spec, params.sort, params.dir)}
        </caption>
        <thead className="hidden border-b border-line text-xs tracking-wide text-muted uppercase md:table-header-group">
          <tr>
            {[spec.primary, ...columns].map((c) => <HeaderCell key={c.id} column={c} params={params} onSort={onSort} />)}
          </tr>
        </thead>
        <tbody className="flex flex-col gap-2 md:table-row-group">
          {rows.map((row) => {
            const primary = cells.primary(row);
            const groupValue = group ? key(row[group.field]) : undefined;
            const heading = group && groupValue !== previous ? { label: text(row[group.field]) || group.none, count: countOf(row[group.field]) } : undefined;
            previous = groupValue;
            return (
              <Fragment key={text(row.name)}>
                {heading ? (
                  <tr className="block pt-3 first:pt-0 md:table-row md:pt-0">
                    <th scope="colgroup" colSpan={columns.length + 1} className="block md:table-cell md:border-t md:border-line md:bg-surface-2 md:px-3 md:py-2">
                      <h2 className="text-sm font-semibold text-fg">
                        {heading.label}
                        {heading.count !== undefined ? <span className="font-normal text-muted"> · {heading.count.toLocaleString("en-US")} {heading.count === 1 ? spec.one : spec.many}</span> : null}
                      </h2>
                    </th>
                  </tr>
                ) : null}
                <tr className={cx("relative flex flex-col gap-1 rounded-lg border border-line bg-surface p-4", "md:table-row md:rounded-none md:border-0 md:border-t md:bg-transparent md:p-0")}>
                  <td className={cx("min-w-0", cell)}>
                    <Link href={primary.href} prefetch={false} className="font-medium text-fg underline-offset-2 after:absolute after:inset-0 hover:underline md:after:content-none">
                      {primary.title}
                    </Link>
                    {primary.detail && primary.detail !== primary.title ? <p className="mt-0.5 truncate font-mono text-xs text-muted">{primary.detail}</p> : null}
                  </td>
                  {columns.map((c) => (
                    <td key={c.id} data-label={c.label} className={cx(labelled, "min-w-0 md:whitespace-nowrap")}>
                      {cells.cell(c.id, row)}
                    </td>
                  ))}
                </tr>
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function HeaderCell({ column, params, onSort }: { column: ColumnSpec; params: CrmListParams; onSort: (sort: string) => void }) {
  if (!column.sort) return <th scope="col" className="px-3 py-2.5 font-semibold">{column.label}</th>;
  const sort = column.sort;
  const active = params.sort === sort;
  return (
    <th scope="col" aria-sort={active ? (params.dir === "asc" ? "ascending" : "descending") : "none"}>
      <button type="button" onClick={() => onSort(sort)} className="inline-flex min-h-10 w-full items-center gap-1 px-3 font-semibold whitespace-nowrap uppercase hover:text-fg">
        {column.label}
        <SortIcon direction={active ? params.dir : "none"} className={active ? "text-fg" : "opacity-40"} />
      </button>
    </th>
  );
}
