import type { RouterOutputs } from "@orchestrator/modules";
import type { ReactNode } from "react";
import { DateTime } from "~/components/ui/date-time";
import { formatDate } from "~/lib/format";
import { ActivityList } from "./activity-list";
import { DataTable } from "./data-table";
import { statusLabel } from "./status-badge";

type Summary = RouterOutputs["clients"]["summary"];
type Client = Summary["client"];
type ChildRow = Record<string, unknown>;
type Labels = { department: (n: string) => string; template: (n: string) => string; program: (n: string) => string };

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded-lg border border-line bg-surface p-4 sm:p-5">
      <h2 className="mb-3 text-sm font-semibold text-fg">{title}</h2>
      {children}
    </section>
  );
}

function Fields({ items }: { items: [label: string, value: ReactNode][] }) {
  return (
    <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt className="text-muted">{label}</dt>
          <dd className="mt-0.5 text-fg">{value === "" || value === null || value === undefined ? <span className="text-muted">—</span> : value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function OverviewPanel({ summary, labels }: { summary: Summary; labels: Labels }) {
  const c: Client = summary.client;
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <div className="space-y-4 lg:col-span-2">
        <Section title="Details">
          <Fields
            items={[
              ["First name", c.first_name],
              ["Last name", c.last_name],
              // Typed `unknown` on the wire (an optional key beside the document's index signature).
              ["Date of birth", formatDate(typeof c.dob === "string" ? c.dob : null)],
              ["Status", statusLabel(c.status)],
              ["Department", labels.department(c.department)],
              ["Admission date", formatDate(c.admission_date)],
              ["Discharge date", formatDate(c.discharge_date)],
              ["Kipu ID", c.kipu_id],
              ["Last synced from Kipu", c.kipu_last_synced_at ? <DateTime value={c.kipu_last_synced_at} /> : ""],
              ["Last updated", <DateTime key="m" value={c.modified} />],
            ]}
          />
        </Section>
        <Section title="Recent activity">
          <ActivityList activities={summary.recent_activities} limit={3} />
        </Section>
      </div>
      <div className="space-y-4">
        {/* Tasks are medical or program data: without either child table the reader cannot see tasks, so no count either. */}
        {"medical_assignments" in summary.client || "program_assignments" in summary.client ? (
          <Section title="Open tasks">
            <p className="text-3xl font-semibold tabular-nums">{summary.active_tasks}</p>
          </Section>
        ) : null}
        {summary.assigned_modules.length ? (
          <Section title="Assigned modules">
            <ul className="space-y-2 text-sm">
              {summary.assigned_modules.map((m) => (
                <li key={`${m.module}:${m.name}`} className="flex justify-between gap-3">
                  <span>{m.module === "medical" ? labels.template(m.name) : labels.program(m.name)}</span>
                  <span className="text-muted">{statusLabel(m.status)}</span>
                </li>
              ))}
            </ul>
          </Section>
        ) : null}
      </div>
    </div>
  );
}

function text(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}


export function MedicalPanel({ rows, labels }: { rows: ChildRow[]; labels: Labels }) {
  return (
    <DataTable
      caption="Medical assignments"
      columns={["Template", "Status", "Activated"]}
      rows={rows.map((r) => [labels.template(text(r.template_id)), statusLabel(text(r.status)), r.activated_at ? <DateTime value={text(r.activated_at)} /> : ""])}
    />
  );
}

export function ProgramPanel({ rows, labels }: { rows: ChildRow[]; labels: Labels }) {
  return (
    <DataTable
      caption="Program assignments"
      columns={["Program", "Status", "Start date", "Group"]}
      rows={rows.map((r) => [labels.program(text(r.program_id)), statusLabel(text(r.status)), formatDate(text(r.start_date)), text(r.group_assignment)])}
    />
  );
}
