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
});
