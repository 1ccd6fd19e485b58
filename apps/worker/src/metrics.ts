/** In-process job counters, rendered in the Prometheus text format together with queue depths. */
export interface QueueCounters {
  completed: number;
  /** Every failed attempt, whether or not it will be retried. */
  failed: number;
  /** Failed attempts that will not be retried (unrecoverable, or attempts used up). */
  failedFinal: number;
  /** Jobs whose lock lapsed while active (a worker died or blocked its event loop): BullMQ moves them back to wait. */
  stalled: number;
  durationSeconds: number;
  /** Attempts per duration bucket (same order as DURATION_BUCKETS_SECONDS; not cumulative). */
  durationBuckets: number[];
}

export type QueueDepth = Record<string, number>;

/** Upper bounds of the job duration histogram: from quick outbox sends to long sync runs. */
export const DURATION_BUCKETS_SECONDS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900] as const;

type Sample = [labels: string, value: number];

export class Metrics {
  private readonly counters = new Map<string, QueueCounters>();

  private of(queue: string): QueueCounters {
    let c = this.counters.get(queue);
    if (!c) {
      c = { completed: 0, failed: 0, failedFinal: 0, stalled: 0, durationSeconds: 0, durationBuckets: DURATION_BUCKETS_SECONDS.map(() => 0) };
      this.counters.set(queue, c);
    }
    return c;
  }

  private observe(c: QueueCounters, ms: number): void {
    const seconds = ms / 1000;
    c.durationSeconds += seconds;
    const bucket = DURATION_BUCKETS_SECONDS.findIndex((le) => seconds <= le);
    if (bucket >= 0) c.durationBuckets[bucket]! += 1; // slower than the last bound: only in +Inf
  }

  track(queue: string): void {
    this.of(queue);
  }

  completed(queue: string, ms: number): void {
    const c = this.of(queue);
    c.completed += 1;
    this.observe(c, ms);
  }

  failed(queue: string, ms: number, final: boolean): void {
    const c = this.of(queue);
    c.failed += 1;
    if (final) c.failedFinal += 1;
    this.observe(c, ms);
  }

  stalled(queue: string): void {
    this.of(queue).stalled += 1;
  }

  get(queue: string): QueueCounters {
    const c = this.of(queue);
    return { ...c, durationBuckets: [...c.durationBuckets] };
  }

  /** Prometheus exposition text; `depths` comes from Redis at scrape time. */
  render(depths: Record<string, QueueDepth>): string {
    const lines: string[] = [];
    const family = (name: string, type: "counter" | "gauge" | "histogram", help: string, samples: Sample[], sampleName = name) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
      for (const [labels, value] of samples) lines.push(`${sampleName}{${labels}} ${value}`);
    };
    const queues = [...this.counters.keys()].sort();
    const per = (pick: (c: QueueCounters) => number): Sample[] => queues.map((q) => [`queue="${q}"`, pick(this.of(q))]);
    const seconds = (s: number) => Number(s.toFixed(6));
    family("orchestrator_jobs_completed_total", "counter", "Jobs completed by this worker process.", per((c) => c.completed));
    family("orchestrator_jobs_failed_total", "counter", "Failed job attempts in this worker process, retried or not.", per((c) => c.failed));
    family("orchestrator_jobs_failed_final_total", "counter", "Failed job attempts that will not be retried.", per((c) => c.failedFinal));
    family("orchestrator_jobs_stalled_total", "counter", "Jobs found stalled (lock lapsed while active) by this worker process; BullMQ retries them.", per((c) => c.stalled));
    family("orchestrator_job_duration_seconds_total", "counter", "Time spent processing jobs.", per((c) => seconds(c.durationSeconds)));
    lines.push("# HELP orchestrator_job_duration_seconds Duration of job attempts (completed or failed).", "# TYPE orchestrator_job_duration_seconds histogram");
    for (const queue of queues) lines.push(...this.histogramLines(queue, this.of(queue)));
    const depthSamples: Sample[] = [];
    for (const queue of Object.keys(depths).sort()) {
      for (const [state, n] of Object.entries(depths[queue] ?? {})) depthSamples.push([`queue="${queue}",state="${state}"`, n]);
    }
    family("orchestrator_queue_jobs", "gauge", "Jobs in each queue by state, read from Redis.", depthSamples);
    return `${lines.join("\n")}\n`;
  }

  /** One queue's histogram samples: cumulative buckets, +Inf, sum and count. */
  private histogramLines(queue: string, c: QueueCounters): string[] {
    const name = "orchestrator_job_duration_seconds";
    const lines: string[] = [];
    let cumulative = 0;
    DURATION_BUCKETS_SECONDS.forEach((le, i) => {
      cumulative += c.durationBuckets[i] ?? 0;
      lines.push(`${name}_bucket{queue="${queue}",le="${le}"} ${cumulative}`);
    });
    const count = c.completed + c.failed;
    lines.push(`${name}_bucket{queue="${queue}",le="+Inf"} ${count}`, `${name}_sum{queue="${queue}"} ${Number(c.durationSeconds.toFixed(6))}`, `${name}_count{queue="${queue}"} ${count}`);
    return lines;
  }
}
