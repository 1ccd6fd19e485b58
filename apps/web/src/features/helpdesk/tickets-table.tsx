"use client";

import type { RouterOutputs } from "@orchestrator/modules";
import Link from "next/link";
import { DateTime } from "~/components/ui/date-time";
import { cx } from "~/components/ui/cx";
import { SortIcon } from "~/components/ui/icons";
import type { TicketListParams, TicketSortField } from "./list-params";
import { SlaBadge, useSlaState } from "./sla-badge";
import { ticketHref } from "./ticket-href";

export type TicketRow = RouterOutputs["helpdeskAgent"]["tickets"]["rows"][number];

const sortable: { label: string; sort: TicketSortField; className?: string }[] = [
  { label: "SLA", sort: "resolution_by" },
  { label: "Opened", sort: "opening_date", className: "hidden xl:table-cell" },
  { label: "Updated", sort: "modified", className: "hidden lg:table-cell" },
];

/*
 * One markup for every width, as on the Clients list: a table from `md` up, the same rows laid out as
 * cards below it. At-risk rows get an amber edge and breached ones a red one; the SLA badge says so in
 * words, so colour is never the only signal.
 */
const cardRow = "relative grid grid-cols-[auto_1fr_auto] gap-x-3 rounded-lg border border-line border-l-4 bg-surface p-4";
const tableRow = "md:table-row md:rounded-none md:border-0 md:border-t md:border-l-4 md:bg-transparent md:p-0";
const cell = "md:table-cell md:px-3 md:py-3 md:align-middle";
const labelled = `col-span-2 col-start-2 flex justify-between gap-4 text-sm before:text-muted before:content-[attr(data-label)] md:before:content-none ${cell}`;

export function TicketsTable({ rows, params, onSort, selected, onToggle, onToggleAll, failures, agentName }: {
  rows: TicketRow[];
  params: TicketListParams;
  onSort: (sort: TicketSortField) => void;
  selected: ReadonlySet<string>;
  onToggle: (name: string) => void;
  onToggleAll: (on: boolean) => void;
  /** Why a bulk change left a ticket as it was, by ticket. */
  failures: ReadonlyMap<string, string>;
  agentName: (user: string | null | undefined) => string;
}) {
  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.name));
  return (
    <div className="md:overflow-x-auto md:rounded-lg md:border md:border-line md:bg-surface">
      <table className="block w-full text-left text-sm md:table">
        <caption className="sr-only">Tickets, sorted by {sortable.find((c) => c.sort === params.sort)?.label ?? "last updated"}, {params.dir === "asc" ? "ascending" : "descending"}</caption>
        <thead className="hidden border-b border-line text-xs tracking-wide text-muted uppercase md:table-header-group">
          <tr>
            <th scope="col" className="w-10 px-3">
              <input type="checkbox" className="size-5 accent-accent" aria-label="Select all tickets on this page" checked={allSelected} onChange={(e) => onToggleAll(e.target.checked)} />
            </th>
            <th scope="col" className="px-3 py-2.5 font-semibold">Ticket</th>
            <th scope="col" className="px-3 py-2.5 font-semibold">Status</th>
            <th scope="col" className="px-3 py-2.5 font-semibold">Priority</th>
            <th scope="col" className="px-3 py-2.5 font-semibold">Assignee</th>
            {sortable.map((column) => {
              const active = params.sort === column.sort || (column.sort === "resolution_by" && params.sort === "response_by");
              return (
                <th key={column.sort} scope="col" aria-sort={active ? (params.dir === "asc" ? "ascending" : "descending") : "none"} className={column.className}>
                  <button type="button" onClick={() => onSort(column.sort)} className="inline-flex min-h-10 w-full items-center gap-1 px-3 font-semibold uppercase hover:text-fg">
                    {column.label}
                    <SortIcon direction={active ? params.dir : "none"} className={active ? "text-fg" : "opacity-40"} />
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className="flex flex-col gap-2 md:table-row-group">
          {rows.map((row) => (
            <TicketRowView key={row.name} row={row} checked={selected.has(row.name)} onToggle={onToggle} failure={failures.get(row.name)} agentName={agentName} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TicketRowView({ row, checked, onToggle, failure, agentName }: { row: TicketRow; checked: boolean; onToggle: (name: string) => void; failure: string | undefined; agentName: (user: string | null | undefined) => string }) {
  const sla = useSlaState(row);
  const edge = sla?.kind === "breached" ? "border-l-danger md:border-l-danger bg-danger-soft/40" : sla?.kind === "at-risk" ? "border-l-warn md:border-l-warn bg-warn-soft/40" : "border-l-line md:border-l-transparent";
  return (
    <tr data-sla={sla?.kind ?? "pending"} className={cx(cardRow, tableRow, edge, checked && "ring-2 ring-accent md:ring-0 md:bg-accent-soft")}>
      <td className={cx("row-span-2 pt-0.5", cell)}>
        {/* Above the card-wide link (z-10), so the checkbox stays tappable on phones. */}
        <input type="checkbox" className="relative z-10 size-5 accent-accent" aria-label={`Select ${row.name}: ${row.subject}`} checked={checked} onChange={() => onToggle(row.name)} />
      </td>
      <td className={cx("min-w-0", cell)}>
        <Link href={ticketHref(row.name)} prefetch={false} className="font-medium text-fg underline-offset-2 after:absolute after:inset-0 hover:underline md:after:content-none">
          {row.subject}
        </Link>
        <p className="mt-0.5 truncate font-mono text-xs text-muted">
          {row.name}
          {row.customer ? <span className="font-sans"> · {row.customer}</span> : null}
        </p>
        {failure ? <p className="mt-1 text-xs font-medium text-danger">Not changed: {failure}</p> : null}
      </td>
      <td className={cx("col-start-3 row-start-1 justify-self-end text-sm", cell)}>
        <span className="inline-flex rounded-full bg-neutral-soft px-2.5 py-0.5 text-xs font-medium whitespace-nowrap text-neutral">{row.status}</span>
      </td>
      <td data-label="Priority" className={cx("mt-3", labelled)}>{row.priority}</td>
      <td data-label="Assignee" className={cx("mt-1", labelled)}>
        <span className="truncate">{row.assignee ? agentName(row.assignee) : <span className="text-muted">Unassigned</span>}</span>
      </td>
      <td data-label="SLA" className={cx("mt-1 items-center", labelled)}>
        <SlaBadge state={sla} fallback={row.agreement_status} />
      </td>
      <td className="hidden whitespace-nowrap text-muted xl:table-cell xl:px-3 xl:py-3">
        <DateTime value={row.opening_date} />
      </td>
      <td className="hidden whitespace-nowrap text-muted lg:table-cell lg:px-3 lg:py-3">
        <DateTime value={row.modified} />
      </td>
    </tr>
  );
}
