import { describe, expect, it } from "vitest";
import { consumedQueues, WorkerConfigError } from "./consumed-queues";

describe("consumedQueues (WORKER_QUEUES)", () => {
  it("defaults to every queue that has a processor when unset or blank", () => {
    expect(consumedQueues(undefined, ["tasks", "sync"])).toEqual(["tasks", "sync"]);
    expect(consumedQueues("  ", ["tasks", "sync"])).toEqual(["tasks", "sync"]);
  });

  it("takes a comma-separated subset, trimmed and without duplicates", () => {
    expect(consumedQueues(" sync , tasks,sync,", ["tasks", "sync"])).toEqual(["sync", "tasks"]);
    expect(consumedQueues("tasks", ["tasks", "sync"])).toEqual(["tasks"]);
  });

  it("refuses an unknown queue name, naming it and the real queues", () => {
    expect(() => consumedQueues("tasks,taks", ["tasks"])).toThrow(WorkerConfigError);
    expect(() => consumedQueues("tasks,taks", ["tasks"])).toThrow('WORKER_QUEUES names unknown queue(s) "taks"; the queues are: tasks, sync, sla');
  });

  it("refuses a declared queue that has no processor in this build", () => {
    expect(() => consumedQueues("tasks,sla", ["tasks"])).toThrow("WORKER_QUEUES names queue(s) without a processor in this build: sla; queues with processors: tasks");
  });
});
