"use client";

import { cx } from "~/components/ui/cx";

export interface ImportIssue {
  row: number;
  field: string;
  problem: string;
}

const cell = "md:table-cell md:px-3 md:py-2 md:align-top";
const labelled = `flex justify-between gap-4 text-sm before:text-muted before:content-[attr(data-label)] md:before:content-none ${cell}`;

/** An import's problems, one line per row and field as the spreadsheet numbers rows (the header is row 1); cards on phones. */
export function ImportIssues({ caption, issues }: { caption: string; issues: readonly ImportIssue[] }) {
  return (
    <div className="md:overflow-x-auto md:rounded-lg md:border md:border-line md:bg-surface">
      <table className="block w-full text-left text-sm md:table">
        <caption className="mb-2 block text-left text-base font-semibold text-fg md:table-caption md:px-3 md:pt-3">{caption}</caption>
        <thead className="hidden border-b border-line text-xs tracking-wide text-muted uppercase md:table-header-group">
          <tr>
            <th scope="col" className="px-3 py-2.5 font-semibold">Row</th>
            <th scope="col" className="px-3 py-2.5 font-semibold">Field</th>
            <th scope="col" className="px-3 py-2.5 font-semibold">Problem</th>
          </tr>
        </thead>
        <tbody className="flex flex-col gap-2 md:table-row-group">
          {issues.map((issue, i) => (
            <tr key={`${issue.row}-${issue.field}-${i}`} className={cx("flex flex-col gap-1 rounded-lg border border-line bg-surface p-3", "md:table-row md:rounded-none md:border-0 md:border-t md:bg-transparent md:p-0")}>
              <td data-label="Row" className={cx(labelled, "md:w-16 md:tabular-nums")}>{issue.row}</td>
              <td data-label="Field" className={cx(labelled, "font-mono")}>{issue.field}</td>
              <td data-label="Problem" className={cx(labelled, "text-right md:text-left")}>{issue.problem}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
