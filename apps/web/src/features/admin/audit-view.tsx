"use client";

import type { RouterOutputs } from "@orchestrator/modules";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { OffsetPager } from "~/components/ui/offset-pager";
import { EmptyState } from "~/components/ui/empty-state";
import { ErrorState } from "~/components/ui/error-state";
import { inputClasses, labelClasses } from "~/components/ui/field";
import { PageHeader } from "~/components/ui/page-header";
import { Skeleton } from "~/components/ui/skeleton";
import { useTRPC } from "~/trpc/react";

type Version = RouterOutputs["admin"]["audit"]["list"]["rows"][number];
const PAGE = 25;
const doctypes = ["Client", "Task", "Medical Template", "Program", "User", "Department", "Role", "Queue Job"];

interface Diff {
  changed?: [string, unknown, unknown][];
  added?: [string, Record<string, unknown>][];
  removed?: [string, Record<string, unknown>][];
  row_changed?: [string, number, string, [string, unknown, unknown][]][];
}

const show = (v: unknown) => (v === null || v === undefined || v === "" ? "∅" : typeof v === "object" ? JSON.stringify(v) : String(v));
const rowSummary = (row: Record<string, unknown>) => Object.entries(row).filter(([k]) => !["name", "idx", "parent", "parentfield", "parenttype", "doctype", "creation", "modified", "owner", "modified_by"].includes(k)).map(([k, v]) => `${k}: ${show(v)}`).join(", ");

/** A Version's data as readable lines: field: before → after; rows added, removed and changed. */
function DiffLines({ data }: { data: unknown }) {
  const d = (data ?? {}) as Diff;
  const lines: string[] = [];
  for (const [field, before, after] of d.changed ?? []) lines.push(`${field}: ${show(before)} → ${show(after)}`);
  for (const [table, row] of d.added ?? []) lines.push(`${table}: added ${rowSummary(row)}`);
  for (const [table, row] of d.removed ?? []) lines.push(`${table}: removed ${rowSummary(row)}`);
  for (const [table, , , changes] of d.row_changed ?? []) for (const [field, before, after] of changes) if (field !== "idx") lines.push(`${table}.${field}: ${show(before)} → ${show(after)}`);
  if (!lines.length) return <span className="text-muted">—</span>;
  return <ul className="space-y-0.5">{lines.map((l, i) => <li key={i} className="break-words">{l}</li>)}</ul>;
}

/** The audit trail: who changed what, when; filtered by user, document type and date. */
export function AuditView() {
  const trpc = useTRPC();
  const [filters, setFilters] = useState({ owner: "", doctype: "", from: "", to: "" });
  const [start, setStart] = useState(0);
  const set = (patch: Partial<typeof filters>) => { setFilters({ ...filters, ...patch }); setStart(0); };
  const input = { owner: filters.owner || undefined, doctype: filters.doctype || undefined, from: filters.from || undefined, to: filters.to || undefined, start, limit: PAGE };
  const list = useQuery({ ...trpc.admin.audit.list.queryOptions(input), placeholderData: keepPreviousData });
  const users = useQuery(trpc.admin.users.list.queryOptions({ limit: 200 }));

  return (
    <>
      <PageHeader title="Audit log" description={list.data ? `${list.data.total} changes` : " "} />
      <section aria-label="Filters" className="mb-4 grid gap-3 rounded-lg border border-line bg-surface p-3 sm:grid-cols-4">
        <div>
          <label htmlFor="audit-user" className={labelClasses}>User</label>
          <select id="audit-user" className={inputClasses} value={filters.owner} onChange={(e) => set({ owner: e.target.value })}>
            <option value="">Anyone</option>
            <option value="system">System</option>
            {(users.data?.rows ?? []).map((u) => <option key={u.name} value={u.name}>{u.full_name}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="audit-doctype" className={labelClasses}>Document type</label>
          <select id="audit-doctype" className={inputClasses} value={filters.doctype} onChange={(e) => set({ doctype: e.target.value })}>
            <option value="">Any</option>
            {doctypes.map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="audit-from" className={labelClasses}>From</label>
          <input id="audit-from" type="date" className={inputClasses} value={filters.from} onChange={(e) => set({ from: e.target.value })} />
        </div>
        <div>
          <label htmlFor="audit-to" className={labelClasses}>To</label>
          <input id="audit-to" type="date" className={inputClasses} value={filters.to} onChange={(e) => set({ to: e.target.value })} />
        </div>
      </section>
      {list.isPending ? (
        <div aria-busy="true" aria-label="Loading audit log" className="space-y-2">{Array.from({ length: 5 }, (_, i) => <Skeleton key={i} className="h-14 w-full" />)}</div>
      ) : list.isError ? (
        <ErrorState action={<Button onClick={() => void list.refetch()}>Try again</Button>} />
      ) : list.data.rows.length === 0 ? (
        <EmptyState title="No changes match">Change the filters to see more.</EmptyState>
      ) : (
        <>
          <ul className="space-y-2" aria-busy={list.isFetching}>
            {list.data.rows.map((v: Version) => (
              <li key={v.name} className="rounded-lg border border-line bg-surface p-3 text-sm">
                <div className="mb-1 flex flex-wrap gap-x-3 gap-y-1">
                  <span className="font-medium">{v.ref_doctype} {v.docname}</span>
                  <span className="rounded bg-surface-2 px-1.5 text-xs leading-5">{v.action}</span>
                  <span className="text-muted">by {v.owner}</span>
                  <time className="text-muted" dateTime={v.creation.replace(" ", "T")}>{v.creation.slice(0, 19)}</time>
                </div>
                <DiffLines data={v.data} />
              </li>
            ))}
          </ul>
          <OffsetPager start={start} count={list.data.rows.length} total={list.data.total} pageSize={PAGE} onStart={setStart} />
        </>
      )}
    </>
  );
}
