import { useId, type ReactNode } from "react";

export interface ChartTable {
  caption: string;
  columns: string[];
  rows: string[][];
}

/**
 * One chart of the dashboard: a heading, a line on what it counts, the chart as one named image
 * (its summary in words), and the same numbers as a table for screen readers. Without data it says so.
 */
export function ChartCard({ title, description, summary, table, empty, children }: { title: string; description: string; summary: string; table: ChartTable; empty?: string | undefined; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="min-w-0 rounded-lg border border-line bg-surface p-4">
      <h2 id={id} className="text-base font-semibold text-fg">{title}</h2>
      <p className="mt-0.5 mb-3 text-xs text-muted">{description}</p>
      {empty ? (
        <p className="py-8 text-center text-sm text-muted">{empty}</p>
      ) : (
        <>
          <div role="img" aria-label={`${title}: ${summary}`}>{children}</div>
          {/* A table ignores the 1 px width of sr-only: the wrapper clips it. */}
          <div className="sr-only">
            <table>
              <caption>{table.caption}</caption>
              <thead>
                <tr>
                  {table.columns.map((c) => <th key={c} scope="col">{c}</th>)}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row) => (
                  <tr key={row[0]}>
                    {row.map((cell, i) => (i === 0 ? <th key={i} scope="row">{cell}</th> : <td key={i}>{cell}</td>))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
