"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface Series {
  key: string;
  name: string;
  /** A theme token, e.g. `var(--color-accent)`, so the chart follows light and dark. */
  color: string;
}

type Datum = Record<string, string | number>;

const tick = { fill: "var(--color-muted)", fontSize: 12 };
const tooltipStyle = { background: "var(--color-surface)", border: "1px solid var(--color-line)", color: "var(--color-fg)" };

/**
 * Grouped bars (recharts), in the charts' own chunk. `columns`: one column per category along the
 * bottom; `rows`: one row per category, labels on the left (long names, phones). The surrounding
 * ChartCard names the image and carries the numbers as a table, so recharts' own keyboard layer is off.
 */
export function Bars({ data, category, series, layout, format, formatShort = format }: { data: Datum[]; category: string; series: Series[]; layout: "columns" | "rows"; format: (n: number) => string; formatShort?: (n: number) => string }) {
  const rows = layout === "rows";
  const height = rows ? Math.max(1, data.length) * (series.length * 16 + 20) + 48 : 260;
  return (
    <div style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout={rows ? "vertical" : "horizontal"} margin={{ top: 4, right: 12, bottom: 4, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid stroke="var(--color-line)" strokeDasharray="3 3" horizontal={!rows} vertical={rows} />
          {rows ? (
            <>
              <XAxis type="number" tick={tick} tickFormatter={(v: number) => formatShort(v)} allowDecimals={false} />
              <YAxis type="category" dataKey={category} width={132} tickLine={false} axisLine={false} tick={{ ...tick, fill: "var(--color-fg)" }} />
            </>
          ) : (
            <>
              <XAxis dataKey={category} tick={tick} tickLine={false} interval="preserveStartEnd" minTickGap={12} />
              <YAxis tick={tick} tickFormatter={(v: number) => formatShort(v)} width={56} allowDecimals={false} />
            </>
          )}
          <Tooltip cursor={{ fill: "var(--color-surface-2)" }} contentStyle={tooltipStyle} labelStyle={{ color: "var(--color-fg)" }} formatter={(value, name) => [format(Number(value)), String(name)]} />
          <Legend itemSorter={null} wrapperStyle={{ fontSize: 12 }} formatter={(value) => <span style={{ color: "var(--color-fg)" }}>{String(value)}</span>} />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} radius={3} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
