/** In-process job counters, rendered in the Prometheus text format together with queue depths. */
export interface QueueCounters {
  completed: number;
  /** Every failed attempt, whether or not it will be retried. */
  failed: number;
  /** Failed attempts that will not be retried (unrecoverable, or attempts used up). */
  failedFinal: number;
  durationSeconds: number;
}

export type QueueDepth = Record<string, number>;

export class Metrics {
  private readonly counters = new Map<string, QueueCounters>();

  private of(queue: string): QueueCounters {
    let c = this.counters.get(queue);
    if (!c) {
      c = { completed: 0, failed: 0, failedFinal: 0, durationSeconds: 0 };
      this.counters.set(queue, c);
    }
    return c;
  }

  track(queue: string): void {
    this.of(queue);
  }

  completed(queue: string, ms: number): void {
    const c = this.of(queue);
    c.completed += 1;
    c.durationSeconds += ms / 1000;
  }

  failed(queue: string, ms: number, final: boolean): void {
    const c = this.of(queue);
    c.failed += 1;
    if (final) c.failedFinal += 1;
    c.durationSeconds += ms / 1000;
  }

  get(queue: string): QueueCounters {
    return { ...this.of(queue) };
  }

  /** Prometheus exposition text; `depths` comes from Redis at scrape time. */
  render(depths: Record<string, QueueDepth>): string {
    const lines: string[] = [];
    const family = (name: string, type: "counter" | "gauge", help: string, samples: [string, number][]) => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
      for (const [labels, value] of samples) lines.push(`${name}{${labels}} ${value}`);
    };
    const queues = [...this.counters.keys()].sort();
    const per = (pick: (c: QueueCounters) => number): [string, number][] => queues.map((q) => [`queue="${q}"`, pick(this.of(q))]);
    family("orchestrator_jobs_completed_total", "counter", "Jobs completed by this worker process.", per((c) => c.completed));
    family("orchestrator_jobs_failed_total", "counter", "Failed job attempts in this worker process, retried or not.", per((c) => c.failed));
    family("orchestrator_jobs_failed_final_total", "counter", "Failed job attempts that will not be retried.", per((c) => c.failedFinal));
    family("orchestrator_job_duration_seconds_total", "counter", "Time spent processing jobs.", per((c) => Number(c.durationSeconds.toFixed(6))));
    const depthSamples: [string, number][] = [];
    for (const queue of Object.keys(depths).sort()) {
      for (const [state, n] of Object.entries(depths[queue] ?? {})) depthSamples.push([`queue="${queue}",state="${state}"`, n]);
    }
    family("orchestrator_queue_jobs", "gauge", "Jobs in each queue by state, read from Redis.", depthSamples);
    return `${lines.join("\n")}\n`;
  }
}
