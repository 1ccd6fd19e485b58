"use client";

import type { RouterOutputs } from "@orchestrator/modules";
import { BarChart } from "./bar-chart";

type Dashboard = RouterOutputs["helpdeskAgent"]["dashboard"];
const categoryColor: Record<string, string> = { Open: "var(--color-accent)", Paused: "var(--color-neutral)" };
const ratingColor = (label: string) => (Number(label[0]) >= 4 ? "var(--color-success)" : Number(label[0]) === 3 ? "var(--color-neutral)" : "var(--color-danger)");

/** The dashboard's charts, one module loaded on demand: open tickets by status and the CSAT distribution. */
export default function DashboardCharts({ data }: { data: Dashboard }) {
  const categories = new Map(data.openByStatus.map((s) => [s.status, s.category]));
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div className="rounded-lg border border-line bg-surface p-4">
        <BarChart title="Open tickets by status" unit="tickets" data={data.openByStatus.map((s) => ({ label: s.status, value: s.count }))} colorFor={(l) => categoryColor[categories.get(l) ?? "Open"] ?? "var(--color-accent)"} />
      </div>
      <div className="rounded-lg border border-line bg-surface p-4">
        <BarChart title="Customer satisfaction (ratings)" unit="ratings" data={[...data.range.csat.distribution].reverse().map((d) => ({ label: `${d.rating} ★`, value: d.count }))} colorFor={ratingColor} />
      </div>
    </div>
  );
}
