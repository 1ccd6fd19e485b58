import { describe, expect, it } from "vitest";
import { Metrics } from "./metrics";

describe("Metrics", () => {
  it("renders per-queue counters and queue depths in the Prometheus text format", () => {
    const m = new Metrics();
    m.track("sync");
    m.completed("tasks", 1500);
    m.failed("tasks", 500, false);
    m.failed("tasks", 250, true);
    const text = m.render({ tasks: { waiting: 2, active: 1 } });
    expect(text).toContain("# TYPE orchestrator_jobs_completed_total counter");
    expect(text).toContain('orchestrator_jobs_completed_total{queue="tasks"} 1');
    expect(text).toContain('orchestrator_jobs_completed_total{queue="sync"} 0');
    expect(text).toContain('orchestrator_jobs_failed_total{queue="tasks"} 2');
    expect(text).toContain('orchestrator_jobs_failed_final_total{queue="tasks"} 1');
    expect(text).toContain('orchestrator_job_duration_seconds_total{queue="tasks"} 2.25');
    expect(text).toContain('orchestrator_queue_jobs{queue="tasks",state="waiting"} 2');
    expect(text.endsWith("\n")).toBe(true);
  });

  it("counts stalled jobs per queue", () => {
    const m = new Metrics();
    m.track("tasks");
    m.stalled("sync");
    m.stalled("sync");
    const text = m.render({});
    expect(text).toContain("# TYPE orchestrator_jobs_stalled_total counter");
    expect(text).toContain('orchestrator_jobs_stalled_total{queue="sync"} 2');
    expect(text).toContain('orchestrator_jobs_stalled_total{queue="tasks"} 0');
  });

  it("renders a duration histogram with cumulative buckets, +Inf, sum and count", () => {
    const m = new Metrics();
    m.completed("tasks", 40); // 0.04 s: the first bucket
    m.completed("tasks", 700); // 0.7 s: le=1
    m.failed("tasks", 2_000_000, true); // 2000 s: beyond the last bound, +Inf only
    const lines = m.render({}).split("\n");
    expect(lines).toContain("# TYPE orchestrator_job_duration_seconds histogram");
    const bucket = (le: string) => lines.find((l) => l.startsWith(`orchestrator_job_duration_seconds_bucket{queue="tasks",le="${le}"} `))?.split(" ")[1];
    expect(bucket("0.05")).toBe("1");
    expect(bucket("0.5")).toBe("1");
    expect(bucket("1")).toBe("2");
    expect(bucket("900")).toBe("2");
    expect(bucket("+Inf")).toBe("3");
    expect(lines).toContain('orchestrator_job_duration_seconds_sum{queue="tasks"} 2000.74');
    expect(lines).toContain('orchestrator_job_duration_seconds_count{queue="tasks"} 3');
    // Every sample line belongs to a family declared above it (one TYPE line per family name).
    const types = lines.filter((l) => l.startsWith("# TYPE ")).map((l) => l.split(" ")[2]);
    expect(new Set(types).size).toBe(types.length);
  });
});
