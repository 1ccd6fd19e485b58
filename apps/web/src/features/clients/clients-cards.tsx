import Link from "next/link";
import { formatDate, sortableName } from "~/lib/format";
import { clientHref } from "./client-href";
import type { ClientRow } from "./clients-table";
import { StatusBadge } from "./status-badge";

/** Phone and small-tablet layout: one tappable card per client. */
export function ClientsCards({ rows, departmentLabel }: { rows: ClientRow[]; departmentLabel: (name: string) => string }) {
  return (
    <ul className="space-y-2">
      {rows.map((row) => (
        <li key={row.name}>
          <Link href={clientHref(row.name)} prefetch={false} className="block rounded-lg border border-line bg-surface p-4 hover:bg-surface-2 active:bg-surface-2">
            <div className="flex items-start justify-between gap-3">
              <div className="min-w-0">
                <p className="truncate font-medium text-fg">{sortableName(row.first_name, row.last_name)}</p>
                <p className="font-mono text-xs text-muted">{row.name}</p>
              </div>
              <StatusBadge status={row.status} />
            </div>
            <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
              <dt className="text-muted">Department</dt>
              <dd className="truncate text-right">{departmentLabel(row.department)}</dd>
              <dt className="text-muted">Admitted</dt>
              <dd className="text-right">{formatDate(row.admission_date) || "—"}</dd>
            </dl>
          </Link>
        </li>
      ))}
    </ul>
  );
}
