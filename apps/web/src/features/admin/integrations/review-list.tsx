import type { ReactNode } from "react";

export interface ReviewColumn<Row> {
  label: string;
  cell: (row: Row) => ReactNode;
}

/**
 * A review queue's rows: a table from `sm` up, one card per row (term/definition pairs) on phones,
 * each with its actions.
 */
export function ReviewList<Row>({ label, rows, rowKey, columns, actions }: { label: string; rows: Row[]; rowKey: (row: Row) => string; columns: ReviewColumn<Row>[]; actions: (row: Row) => ReactNode }) {
  return (
    <>
      <div className="hidden overflow-x-auto rounded-lg border border-line bg-surface sm:block">
        <table className="min-w-full text-sm" aria-label={label}>
          <thead>
            <tr className="border-b border-line text-left">
              {columns.map((c) => <th key={c.label} scope="col" className="px-3 py-2 font-medium">{c.label}</th>)}
              <th scope="col" className="px-3 py-2 font-medium"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)} className="border-b border-line align-top last:border-0">
                {columns.map((c) => <td key={c.label} className="px-3 py-2 break-words">{c.cell(row)}</td>)}
                <td className="px-3 py-2"><div className="flex flex-wrap gap-2">{actions(row)}</div></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="space-y-2 sm:hidden" aria-label={label}>
        {rows.map((row) => (
          <li key={rowKey(row)} className="rounded-lg border border-line bg-surface p-3 text-sm">
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
              {columns.map((c) => (
                <div key={c.label} className="contents">
                  <dt className="text-muted">{c.label}</dt>
                  <dd className="break-words">{c.cell(row)}</dd>
                </div>
              ))}
            </dl>
            <div className="mt-3 flex flex-wrap gap-2">{actions(row)}</div>
          </li>
        ))}
      </ul>
    </>
  );
}
