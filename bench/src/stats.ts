/** Percentiles over latencies in milliseconds (nearest-rank). */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export interface Summary {
  p50: number;
  p95: number;
  n: number;
}

export function summarize(latencies: number[]): Summary {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), n: sorted.length };
}

/** Runs `task` `total` times over `concurrency` parallel lanes and returns each call's latency (ms). */
export async function load(concurrency: number, total: number, task: (i: number) => Promise<void>): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const lane = async () => {
    for (;;) {
      const i = next++;
      if (i >= total) return;
      const start = performance.now();
      await task(i);
      latencies.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return latencies;
}

export const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : "n/a");

/** Prints a caller-vs-SQL comparison: its heading, both percentiles and the p95 ratio. */
export function printCallerVsSql(heading: string, caller: number[], sql: number[]): void {
  const a = summarize(caller);
  const r = summarize(sql);
  console.log(heading);
  console.log(`  tRPC caller  p50 ${fmt(a.p50)} ms, p95 ${fmt(a.p95)} ms`);
  console.log(`  same SQL     p50 ${fmt(r.p50)} ms, p95 ${fmt(r.p95)} ms`);
  console.log(`  p95 ratio (caller ÷ SQL): ${(a.p95 / r.p95).toFixed(2)}`);
}
