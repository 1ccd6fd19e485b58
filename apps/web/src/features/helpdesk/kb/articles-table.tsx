import type { RouterOutputs } from "@orchestrator/modules";
import Link from "next/link";
import { DateTime } from "~/components/ui/date-time";
import { articleHref } from "./kb-params";
import { ArticleStatusBadge } from "./status-badge";

type Row = RouterOutputs["kb"]["list"]["rows"][number];

/*
 * One table: a real table from `md` up, tappable cards on phones (rows become grids and each labelled
 * cell shows its column name), as the Clients list does — no second DOM for the small screen.
 */
const cardRow = "relative grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 rounded-lg border border-line bg-surface p-4 hover:bg-surface-2 md:static md:table-row md:rounded-none md:border-0 md:border-t md:bg-transparent md:p-0 md:first:border-t-0";
const cell = "md:table-cell md:px-4 md:py-3 md:align-top";
const labelled = `col-span-2 flex justify-between gap-4 text-sm before:text-muted before:content-[attr(data-label)] md:before:content-none ${cell}`;

export function ArticlesTable({ rows, categoryLabel }: { rows: Row[]; categoryLabel: (name: string | null) => string }) {
  return (
    <div className="md:overflow-x-auto md:rounded-lg md:border md:border-line md:bg-surface">
      <table className="block w-full text-left text-sm md:table">
        <caption className="sr-only">Articles</caption>
        <thead className="hidden border-b border-line text-xs tracking-wide text-muted uppercase md:table-header-group">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">Title</th>
            <th scope="col" className="px-4 py-3 font-medium">Category</th>
            <th scope="col" className="px-4 py-3 font-medium">Status</th>
            <th scope="col" className="px-4 py-3 font-medium">Updated</th>
            <th scope="col" className="px-4 py-3 text-right font-medium">Views</th>
            <th scope="col" className="px-4 py-3 text-right font-medium">Helpful</th>
          </tr>
        </thead>
        <tbody className="flex flex-col gap-2 md:table-row-group">
          {rows.map((row) => (
            <tr key={row.name} className={`${cardRow} md:hover:bg-surface-2`}>
              <td className={`col-span-1 min-w-0 ${cell} md:max-w-xl`}>
                {/* On phones the link's ::after covers the card: the whole card is one tap target. */}
                <Link href={articleHref(row.name)} prefetch={false} className="font-medium text-fg underline-offset-2 after:absolute after:inset-0 hover:underline md:after:content-none">
                  {row.title}
                </Link>
                {row.excerpt ? <p className="mt-1 line-clamp-2 text-muted">{row.excerpt}</p> : null}
              </td>
              <td className={`${labelled}`} data-label="Category">{categoryLabel(row.category) || <span className="text-muted">—</span>}</td>
              <td className={`row-start-1 col-start-2 ${cell}`}>
                <ArticleStatusBadge status={row.status} />
              </td>
              <td className={labelled} data-label="Updated">
                <DateTime value={row.modified} />
              </td>
              <td className={`${labelled} md:text-right md:tabular-nums`} data-label="Views">{row.views}</td>
              <td className={`${labelled} md:text-right md:tabular-nums`} data-label="Helpful">
                <span className="whitespace-nowrap">
                  {row.helpful_count} yes · {row.not_helpful_count} no
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
