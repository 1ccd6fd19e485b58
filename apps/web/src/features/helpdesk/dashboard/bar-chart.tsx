"use client";

import { Bar, BarChart as RechartsBarChart, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/**
 * A horizontal bar chart (recharts), code-split with the dashboard's other charts (dashboard-charts.tsx,
 * loaded with React lazy). The figure is named, and the same numbers are in a table for screen readers.
 */
export function BarChart({ title, data, unit, colorFor }: { title: string; data: { label: string; value: number }[]; unit: string; colorFor?: (label: string) => string }) {
  const rowHeight = 36;
  return (
    <figure className="m-0">
      <figcaption className="mb-2 text-sm font-semibold">{title}</figcaption>
      <div role="img" aria-label={`${title}: ${data.map((d) => `${d.label} ${d.value} ${unit}`).join(", ")}`} style={{ height: Math.max(1, data.length) * rowHeight + 8 }}>
        <ResponsiveContainer width="100%" height="100%">
          <RechartsBarChart data={data} layout="vertical" margin={{ top: 4, right: 40, bottom: 4, left: 4 }} accessibilityLayer={false}>
            <XAxis type="number" hide allowDecimals={false} />
            <YAxis type="category" dataKey="label" width={110} tickLine={false} axisLine={false} tick={{ fill: "var(--color-fg)", fontSize: 13 }} />
            <Tooltip cursor={{ fill: "var(--color-surface-2)" }} contentStyle={{ background: "var(--color-surface)", border: "1px solid var(--color-line)", color: "var(--color-fg)" }} formatter={(value) => [`${String(value)} ${unit}`, ""]} />
            <Bar dataKey="value" radius={4} isAnimationActive={false}>
              {data.map((d) => (
                <Cell key={d.label} fill={colorFor?.(d.label) ?? "var(--color-accent)"} />
              ))}
              <LabelList dataKey="value" position="right" fill="var(--color-fg)" fontSize={13} />
            </Bar>
          </RechartsBarChart>
        </ResponsiveContainer>
      </div>
      {/* A table ignores sr-only's 1 px width (it widened the page on phones): the wrapper clips it. */}
      <div className="sr-only">
        <table>
          <caption>{title}</caption>
          <tbody>
            {data.map((d) => (
              <tr key={d.label}>
                <th scope="row">{d.label}</th>
                <td>
                  {d.value} {unit}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
