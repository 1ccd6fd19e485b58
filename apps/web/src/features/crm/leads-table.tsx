"use client";

import Link from "next/link";
import { cx } from "~/components/ui/cx";
import { DateTime } from "~/components/ui/date-time";
import { leadHref, text } from "./format";
import { SORT_LABELS, type LeadListParams } from "./lead-list-params";

type Row = Record<string, unknown>;

/* One markup for every width, as on the ticket list: a table from `md` up, the same rows as cards below it. */
const cell = "md:table-cell md:px-3 md:py-3 md:align-middle";
const labelled = `flex justify-between gap-4 text-sm before:text-muted before:content-[attr(data-label)] md:before:content-none ${cell}`;

export function LeadsTable({ rows, params }: { rows: Row[]; params: LeadListParams }) {
  return (
    <div className="md:overflow-x-auto md:rounded-lg md:border md:border-line md:bg-surface">
      <table className="block w-full text-left text-sm md:table">
        <caption className="sr-only">Leads, sorted by {SORT_LABELS[params.sort].toLowerCase()}, {params.dir === "asc" ? "ascending" : "descending"}</caption>
        <thead className="hidden border-b border-line text-xs tracking-wide text-muted uppercase md:table-header-group">
          <tr>
            {["Lead", "Status", "Source", "Team", "Owner", "Updated"].map((h) => <th key={h} scope="col" className="px-3 py-2.5 font-semibold">{h}</th>)}
          </tr>
        </thead>
        <tbody className="flex flex-col gap-2 md:table-row-group">
          {rows.map((row) => {
            const name = text(row.name);
            return (
              <tr key={name} className={cx("relative flex flex-col gap-1 rounded-lg border border-line bg-surface p-4", "md:table-row md:rounded-none md:border-0 md:border-t md:bg-transparent md:p-0")}>
                <td className={cx("min-w-0", cell)}>
                  <Link href={leadHref(name)} prefetch={false} className="font-medium text-fg underline-offset-2 after:absolute after:inset-0 hover:underline md:after:content-none">
                    {text(row.lead_name) || name}
                  </Link>
                  <p className="mt-0.5 truncate text-xs text-muted">
                    <span className="font-mono">{name}</span>
                    {text(row.organization) ? <span> · {text(row.organization)}</span> : null}
                  </p>
                </td>
                <td data-label="Status" className={labelled}>
                  <span className="inline-flex rounded-full bg-neutral-soft px-2.5 py-0.5 text-xs font-medium whitespace-nowrap text-neutral">{text(row.status)}</span>
                </td>
                <td data-label="Source" className={labelled}>{text(row.source) || <span className="text-muted">—</span>}</td>
                <td data-label="Team" className={labelled}>{text(row.team) || <span className="text-muted">—</span>}</td>
                <td data-label="Owner" className={cx(labelled, "truncate")}>{text(row.lead_owner) || <span className="text-muted">Unassigned</span>}</td>
                <td className="hidden whitespace-nowrap text-muted md:table-cell md:px-3 md:py-3"><DateTime value={text(row.modified)} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
