"use client";

import { Bars } from "./bars";
import { ChartCard } from "./chart-card";
import { forecastByMonth, leadsBySource, pipelineByStage, wonLost, type Dashboard } from "./chart-data";
import { money, moneyShort } from "./figures";

const count = (n: number) => String(n);

/** The dashboard's four charts, one module loaded on demand (recharts stays out of other pages). */
export default function DashboardCharts({ data }: { data: Dashboard }) {
  const m = (n: number) => money(n, data.currency);
  const short = (n: number) => moneyShort(n, data.currency);
  const leads = leadsBySource(data);
  const pipeline = pipelineByStage(data);
  const closed = wonLost(data);
  const forecast = forecastByMonth(data);
  return (
    <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
      <ChartCard title="Leads by source" description={`Leads created ${data.from} to ${data.to}, and how many were converted to a deal.`} summary={leads.summary} table={leads.table} empty={leads.empty}>
        <Bars data={leads.data} category="label" layout="rows" format={count} series={[{ key: "created", name: "Leads", color: "var(--color-accent)" }, { key: "converted", name: "Converted", color: "var(--color-success)" }]} />
      </ChartCard>
      <ChartCard title="Pipeline value by stage" description={`Open deals now, in ${data.currency}; weighted by each deal's probability.`} summary={pipeline.summary} table={pipeline.table} empty={pipeline.empty}>
        <Bars data={pipeline.data} category="label" layout="rows" format={m} formatShort={short} series={[{ key: "amount", name: "Value", color: "var(--color-neutral)" }, { key: "weighted", name: "Weighted", color: "var(--color-accent)" }]} />
      </ChartCard>
      <ChartCard title="Won and lost" description={`Deals closed ${data.from} to ${data.to}, per ${data.closed.granularity}.`} summary={closed.summary} table={closed.table} empty={closed.empty}>
        <Bars data={closed.data} category="label" layout="columns" format={count} series={[{ key: "won", name: "Won", color: "var(--color-success)" }, { key: "lost", name: "Lost", color: "var(--color-danger)" }]} />
      </ChartCard>
      <ChartCard title="Forecast by expected close month" description={`Open deals in ${data.currency}: value × probability, by the month they are expected to close.`} summary={forecast.summary} table={forecast.table} empty={forecast.empty}>
        <Bars data={forecast.data} category="label" layout="columns" format={m} formatShort={short} series={[{ key: "weighted", name: "Weighted", color: "var(--color-accent)" }, { key: "amount", name: "Value", color: "var(--color-neutral)" }]} />
      </ChartCard>
    </div>
  );
}
