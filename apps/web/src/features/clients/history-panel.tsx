"use client";

import type { RouterOutputs } from "@orchestrator/modules";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { formatDate } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { ActivityHeading } from "./activity-list";
import { fieldLabels } from "./client-form-model";
import { useOptionLabels } from "./labels";

type Activity = RouterOutputs["clients"]["history"]["rows"][number];
type Change = [field: string, before: unknown, after: unknown];
type Labels = ReturnType<typeof useOptionLabels>;

const fieldNames: Record<string, string> = {
  ...fieldLabels,
  kipu_id: "Kipu ID",
  kipu_last_synced_at: "Last synced from Kipu",
  synced_from_kipu: "Synced from Kipu",
  template_id: "Template",
  program_id: "Program",
  activated_at: "Activated at",
  start_date: "Start date",
  group_assignment: "Group",
  idx: "Row",
};
const tableNames: Record<string, string> = { medical_assignments: "medical assignment", program_assignments: "program assignment" };
const MASK = "***";

function label(field: string): string {
  if (fieldNames[field]) return fieldNames[field];
  const text = field.replace(/_/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function show(field: string, value: unknown, labels: Labels): string {
  if (value === MASK) return "hidden";
  if (value === null || value === undefined || value === "") return "empty";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  if (field === "department") return labels.department(text);
  if (field === "template_id") return labels.template(text);
  if (field === "program_id") return labels.program(text);
  if (field.endsWith("_date") || field === "dob") return formatDate(text);
  if (field === "status") return text.charAt(0).toUpperCase() + text.slice(1).replace(/_/g, " ");
  return text;
}

const list = <T,>(data: unknown, key: string): T[] => (data && typeof data === "object" && Array.isArray((data as Record<string, unknown>)[key]) ? ((data as Record<string, unknown>)[key] as T[]) : []);

/** A child row in words: "medical assignment Intake Assessment (Active)". */
function rowWords(table: string, row: unknown, labels: Labels): string {
  const r = (row ?? {}) as Record<string, unknown>;
  const what = tableNames[table] ?? table.replace(/_/g, " ");
  const title = r.template_id ? labels.template(String(r.template_id)) : r.program_id ? labels.program(String(r.program_id)) : "";
  const status = r.status ? ` (${show("status", r.status, labels)})` : "";
  return `${what}${title ? ` ${title}` : ""}${status}`;
}

function Entry({ activity, labels }: { activity: Activity; labels: Labels }) {
  const changes = list<Change>(activity.data, "changed").filter((c) => Array.isArray(c) && typeof c[0] === "string");
  const added = list<[string, unknown]>(activity.data, "added");
  const removed = list<[string, unknown]>(activity.data, "removed");
  const rowChanged = list<[string, number, string, Change[]]>(activity.data, "row_changed");
  return (
    <li className="rounded-md border border-line p-3 text-sm">
      <ActivityHeading action={activity.action} owner={activity.owner} creation={activity.creation} />
      <ul className="mt-2 space-y-1 text-muted">
        {changes.map(([field, before, after]) => (
          <li key={field} className="break-words">
            <span className="text-fg">{label(field)}</span>: {show(field, before, labels)} → {show(field, after, labels)}
          </li>
        ))}
        {added.map(([table, row], i) => (
          <li key={`a${i}`}>Added {rowWords(table, row, labels)}</li>
        ))}
        {removed.map(([table, row], i) => (
          <li key={`r${i}`}>Removed {rowWords(table, row, labels)}</li>
        ))}
        {rowChanged.map(([table, idx, , rowChanges], i) => (
          <li key={`c${i}`}>
            Changed {tableNames[table] ?? table} row {idx}:{" "}
            {(Array.isArray(rowChanges) ? rowChanges : [])
              .filter((c) => c[0] !== "idx")
              .map(([f, b, a]) => `${label(f)} ${show(f, b, labels)} → ${show(f, a, labels)}`)
              .join("; ") || "moved"}
          </li>
        ))}
      </ul>
    </li>
  );
}

/** The client's audit trail as a readable diff, newest first, paged (`clients.history`). */
export function HistoryList({ name }: { name: string }) {
  const trpc = useTRPC();
  const labels = useOptionLabels();
  const [page, setPage] = useState(1);
  const history = useQuery({ ...trpc.clients.history.queryOptions({ name, page }), placeholderData: keepPreviousData });
  if (history.isPending) return <p className="text-sm text-muted">Loading history…</p>;
  if (history.error && !history.data) {
    return (
      <p role="alert" className="text-sm text-danger">
        The history could not be loaded.{" "}
        <button type="button" className="font-medium underline" onClick={() => void history.refetch()}>
          Try again
        </button>
      </p>
    );
  }
  const data = history.data;
  return (
    <section className="rounded-lg border border-line bg-surface p-4 sm:p-5" aria-label="Change history">
      <h2 className="mb-3 text-sm font-semibold text-fg">Change history</h2>
      {data.rows.length === 0 ? (
        <p className="text-sm text-muted">No recorded changes.</p>
      ) : (
        <ol className="space-y-3" aria-busy={history.isPlaceholderData}>
          {data.rows.map((a) => (
            <Entry key={a.name} activity={a} labels={labels} />
          ))}
        </ol>
      )}
      {page > 1 || data.hasMore ? (
        <nav aria-label="History pages" className="mt-4 flex items-center gap-2">
          <Button disabled={page === 1} onClick={() => setPage((p) => Math.max(1, p - 1))}>
            Newer
          </Button>
          <span className="text-sm text-muted">Page {page}</span>
          <Button disabled={!data.hasMore} onClick={() => setPage((p) => p + 1)}>
            Older
          </Button>
        </nav>
      ) : null}
    </section>
  );
}
